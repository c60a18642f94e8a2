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

/** Genesys's activity categories, in words and colours (distinct in light and dark, readable under text). */
export const categories: Record<string, { label: string; colour: string }> = {
  OnQueueWork: { label: 'On queue', colour: '#9ecae1' },
  Break: { label: 'Break', colour: '#fdd0a2' },
  Meal: { label: 'Meal', colour: '#a1d99b' },
  Training: { label: 'Training', colour: '#dadaeb' },
  Meeting: { label: 'Meeting', colour: '#fcbba1' },
  TimeOff: { label: 'Time off', colour: '#c7e9c0' },
  OffQueueWork: { label: 'Off-queue work', colour: '#fee391' },
};
const other = { label: 'Other', colour: '#d9d9d9' };

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
