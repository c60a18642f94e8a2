import type { SliceSet } from './index';

/** The screens of the navigation rail, in rail order. */
export const screens = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'connections', label: 'Connections', key: '2' },
  { id: 'schedules', label: 'Schedules', key: '3' },
  { id: 'timeline', label: 'Timeline', key: '4' },
  { id: 'publish', label: 'Publish', key: '5' },
  { id: 'activity', label: 'Activity log', key: '6' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export interface NavSlice {
  screen: ScreenId;
  goTo(screen: ScreenId): void;
}

export function createNavSlice(set: SliceSet): NavSlice {
  return {
    screen: 'overview',
    goTo: (screen) => set({ screen }),
  };
}
