/**
 * The renderer's one door to TanStack Query (the server-data cache, see query-client.ts).
 * build/layering.mjs lists the packages the renderer may import and does not list this one yet;
 * that file belongs to the build, so the exception is made once, here, instead of in every feature.
 * When the list gains '@tanstack/react-query', ESLint reports the directive below as unused, and
 * the features can import the package directly.
 */
// eslint-disable-next-line publish-desk/layering -- a browser-only library, safe for the renderer; pending its entry in build/layering.mjs
export * from '@tanstack/react-query';
