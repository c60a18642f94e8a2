/**
 * Names and colours for what the timeline draws, from `timeline.legend`: management unit names, and each
 * activity code's name and Genesys category (on queue, break, meal, training, meeting, time off, other).
 * Colour follows the category, so every break looks like a break whatever its code; the code's name is
 * always written too (title, drawer, legend), so colour is never the only signal. Until the legend has
 * loaded, short ids stand in.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TimelineLegend } from '../../../shared/timeline';
import { activityColour, shortId } from './bar-geometry';

export interface LegendNames {
  unitName(id: string | null): string;
  codeName(id: string): string;
  codeCategory(id: string): string;
  codeColour(id: string): string;
}

/**
 * Genesys's activity categories, in words and colours. A colour is a token of styles/tokens.css, so it
 * follows the theme (light fills under dark words, deeper fills in dark) and its contrast is tested there.
 */
export const categories: Record<string, { label: string; colour: string }> = {
  OnQueueWork: { label: 'On queue', colour: 'var(--activity-on-queue)' },
  Break: { label: 'Break', colour: 'var(--activity-break)' },
  Meal: { label: 'Meal', colour: 'var(--activity-meal)' },
  Training: { label: 'Training', colour: 'var(--activity-training)' },
  Meeting: { label: 'Meeting', colour: 'var(--activity-meeting)' },
  TimeOff: { label: 'Time off', colour: 'var(--activity-time-off)' },
  OffQueueWork: { label: 'Off-queue work', colour: 'var(--activity-off-queue)' },
};
const other = { label: 'Other', colour: 'var(--activity-other)' };

export const categoryOf = (category: string) => categories[category] ?? other;

export function legendNames(legend: TimelineLegend | null): LegendNames {
  const units = new Map(legend?.managementUnits.map((u) => [u.id, u.name]));
  const codes = new Map(legend?.activityCodes.map((c) => [c.id, c]));
  return {
    unitName: (id) => (id === null ? 'No management unit' : (units.get(id) ?? `Management unit ${shortId(id)}`)),
    codeName: (id) => codes.get(id)?.name ?? `activity ${shortId(id)}`,
    codeCategory: (id) => (codes.has(id) ? categoryOf(codes.get(id)!.category).label : 'Activity'),
    codeColour: (id) => (codes.has(id) ? categoryOf(codes.get(id)!.category).colour : activityColour(id)),
  };
}

const LegendContext = createContext<LegendNames>(legendNames(null));

export function LegendProvider({ legend, children }: { legend: TimelineLegend | null; children: ReactNode }) {
  const names = useMemo(() => legendNames(legend), [legend]);
  return <LegendContext.Provider value={names}>{children}</LegendContext.Provider>;
}

export const useLegend = (): LegendNames => useContext(LegendContext);
