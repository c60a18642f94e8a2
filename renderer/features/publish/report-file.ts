/** The report as a file the browser saves: its type, and a name that cannot escape the downloads folder. Pure. */
export const reportMime = { json: 'application/json', csv: 'text/csv' } as const;

/** Keeps letters, digits, dot, dash and underscore; the format's extension is always there. */
export function safeFileName(suggested: string, format: 'json' | 'csv'): string {
  const base = suggested
    .replace(/[/\\]/g, '-')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  const name = base || 'publish-report';
  return name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`;
}
