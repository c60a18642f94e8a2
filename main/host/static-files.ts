/** Serves the built renderer from disk, never outside its folder. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Resolves a URL path inside root; returns null for traversal attempts or missing files. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  try {
    const body = await readFile(resolved);
    return { body, contentType: contentTypes[path.extname(resolved)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** Puts the per-launch token into the page so the bridge can send it with every call. */
export function injectLaunchToken(html: string, token: string): string {
  const meta = `<meta name="publish-desk-token" content="${token}">`;
  return html.includes('</head>') ? html.replace('</head>', `  ${meta}\n</head>`) : meta + html;
}
