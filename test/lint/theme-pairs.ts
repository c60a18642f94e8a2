/**
 * Which token is drawn on which, as the style sheets use them: words need WCAG AA for text (4.5:1),
 * marks that carry meaning (finding outlines, the now and DST lines, coverage bars, control borders,
 * the focus ring) need 3:1 against what they sit on (WCAG 1.4.11). A new pairing in a style sheet
 * belongs here too.
 */

export interface TokenPair {
  fg: string;
  bg: string;
  /** The opaque token under a translucent `bg` (a label chip over a bar). */
  under?: string;
  min: 4.5 | 3;
  what: string;
}

const text = (fg: string, bg: string, what: string, under?: string): TokenPair => ({ fg, bg, under, min: 4.5, what });
const mark = (fg: string, bg: string, what: string): TokenPair => ({ fg, bg, min: 3, what });

const surfaces = ['--bg', '--surface', '--surface-sunken', '--surface-raised'];

export const activityFills = [
  '--activity-on-queue',
  '--activity-break',
  '--activity-meal',
  '--activity-training',
  '--activity-meeting',
  '--activity-time-off',
  '--activity-off-queue',
  '--activity-other',
  '--tl-shift-bg',
];

export const themePairs: TokenPair[] = [
  ...surfaces.map((bg) => text('--fg', bg, `body text on ${bg}`)),
  ...[...surfaces, '--tl-cov-bg'].map((bg) => text('--muted', bg, `secondary text on ${bg}`)),
  text('--rail-fg', '--rail-bg', 'screen names in the rail'),
  text('--rail-fg', '--rail-hover', 'a hovered screen name'),
  text('--rail-active-fg', '--rail-hover', 'the current screen'),
  text('--accent-fg', '--accent', 'primary buttons and the brand tile'),
  text('--error', '--surface', 'error text'),
  text('--error', '--bg', 'error text on the page'),
  text('--error', '--error-bg', 'an error box'),
  text('--badge-fg', '--badge-bg', 'a plain badge'),
  text('--ok-fg', '--ok-bg', 'signed in, published'),
  text('--caution-fg', '--caution-bg', 'expired, warnings, offline'),
  text('--danger-fg', '--danger-bg', 'errors and finding counts'),
  text('--info-fg', '--info-bg', 'information, script sessions'),
  text('--changed-fg', '--changed-bg', 'changed by this publish'),
  ...activityFills.map((fill) =>
    text('--tl-shift-label-fg', '--tl-shift-label-bg', `a shift's times over ${fill}`, fill),
  ),
  text('--tl-timeoff-fg', '--tl-timeoff-a', 'time off band (light stripe)'),
  text('--tl-timeoff-fg', '--tl-timeoff-b', 'time off band (dark stripe)'),
  text('--tl-overlap-fg', '--tl-overlap', 'the overlap marker word'),
  text('--tl-naive-fg', '--tl-naive', 'the naive-UTC marker word'),
  text('--tl-dst-fg', '--tl-dst', 'the DST marker word'),
  text('--tl-dst-text', '--surface', 'the DST line label'),
  text('--tl-now-fg', '--tl-now', 'the now label'),
  text('--tl-cov-sign', '--surface', 'a coverage cell’s − / −−'),
  ...['--tl-overlap', '--tl-naive', '--tl-dst', '--tl-now', '--tl-ghost', '--tl-script', '--tl-timeoff-border'].map(
    (fg) => mark(fg, '--surface', `${fg} mark on a row`),
  ),
  mark('--tl-ghost-same', '--surface', 'an unchanged published shift outline'),
  mark('--tl-shift-border', '--surface', 'a shift bar’s outline'),
  mark('--tl-tick-day', '--surface', 'the day line on the axis'),
  mark('--focus', '--surface', 'the focus ring'),
  mark('--focus', '--bg', 'the focus ring on the page'),
  mark('--rail-active', '--rail-bg', 'the current screen’s bar and focus in the rail'),
  mark('--control-border', '--surface', 'an input’s or button’s border'),
  ...['--tl-cov-met', '--tl-cov-no-target', '--tl-cov-short', '--tl-cov-under'].map((fg) =>
    mark(fg, '--tl-cov-bg', `${fg} bar in the coverage strip`),
  ),
];
