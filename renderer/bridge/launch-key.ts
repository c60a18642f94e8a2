/**
 * The browser transport's per-launch key. The host puts it in the page only
 * when the page is opened with the launch link; we keep it in sessionStorage
 * so a reload still works. sessionStorage is per origin, and an origin
 * includes the port, so unlike a cookie the key is never sent to, or readable
 * by, any other server on 127.0.0.1. It lasts as long as this window.
 */
const storageKey = 'publish-desk-launch-key';

export function launchKey(win: Window): string | null {
  const fromPage = win.document.querySelector<HTMLMetaElement>('meta[name="publish-desk-token"]')?.content;
  if (fromPage) {
    try {
      win.sessionStorage.setItem(storageKey, fromPage);
    } catch {
      // Storage can be disabled; the key still works until the page is reloaded.
    }
    return fromPage;
  }
  try {
    return win.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
