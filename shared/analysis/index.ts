/** The conflict analysis: `analyze(input)` and its input and finding types. */
export { analyze } from './analyze';
export { findingKinds } from './types';
export type * from './types';
