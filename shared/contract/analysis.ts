/** The conflict analysis of a mirrored week: works offline. */
import type { AnalysisUpdate, WeekAnalysis } from '../analysis/week-analysis';
import { businessUnitOf, method } from './define';
import { weekDate } from './weeks';

const weekOf = businessUnitOf.extend({ week: weekDate }).strict();

export const analysisMethods = {
  /** The week's stored findings, or a first run when there are none. */
  'analysis.get': method(weekOf).returns<WeekAnalysis>(),
  /** A fresh run of the week's analysis from the mirror, stored. */
  'analysis.rerun': method(weekOf).returns<WeekAnalysis>(),
};

export interface AnalysisEvents {
  /** A week's analysis ran again: after a sync changed it, or after pending edits changed the schedule (followed by the heavy worker). */
  'analysis.updated': AnalysisUpdate;
}

export const analysisEventNames: Record<keyof AnalysisEvents, true> = { 'analysis.updated': true };
