/**
 * Reading what a client put on a request line, without trusting it. Every
 * listener of ours (the host, the sandbox, the sign-in callback) is reachable
 * by any local program and by any web page in the user's browser, so a
 * target such as `//[` or a broken `%zz` escape must become a 400, never a
 * thrown error that ends the process.
 */

/** The request target as a URL, or null when it cannot be one. */
export function parseRequestTarget(target: string | undefined, base: string): URL | null {
  try {
    return new URL(target ?? '/', base);
  } catch {
    return null;
  }
}

/** `decodeURIComponent` that answers null for broken percent-encoding instead of throwing. */
export function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
