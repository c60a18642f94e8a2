/**
 * The one place the renderer imports @tanstack/react-virtual (rows of up to 5,000 agents; only those
 * on screen are in the DOM). Kept alone so swapping or wrapping the virtualizer touches one file.
 */
export { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
