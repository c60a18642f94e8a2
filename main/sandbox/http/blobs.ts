/**
 * Signed upload and download URLs, as Genesys hands out for schedule update,
 * import and large query results. Keys are unguessable and single-use.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { BlobStore, Scheduler } from '../runtime';
import { ApiError } from './api-error';
import type { Route } from './route';

interface PendingUpload {
  purpose: string;
  meta: Record<string, string>;
  /** `contentLengthBytes` of the uploadurl request: a signed URL is for that many bytes, no more. */
  declaredBytes: number;
  body?: Buffer;
}

const urlLifetimeMs = 15 * 60_000;

export function createBlobStore(
  baseUrl: () => string,
  scheduler: Scheduler,
  maxInflatedBytes: number,
): BlobStore & { routes: Route[] } {
  const uploads = new Map<string, PendingUpload>();
  const downloads = new Map<string, string>();

  const routes: Route[] = [
    {
      method: 'PUT',
      template: '/sandbox-storage/uploads/{key}',
      auth: 'none',
      async handle(ctx) {
        const upload = uploads.get(ctx.params.key ?? '');
        if (!upload) throw new ApiError(403, 'signature.invalid', 'The upload URL is invalid or has expired');
        const claimed = Number(ctx.req.headers['content-length'] ?? 0);
        if (claimed > upload.declaredBytes) throw tooLarge(upload.declaredBytes);
        const raw = await ctx.readRaw();
        if (raw.length > upload.declaredBytes) throw tooLarge(upload.declaredBytes);
        upload.body = isGzip(raw) ? gunzipOrReject(raw, maxInflatedBytes) : raw;
        return { status: 200, raw: '', contentType: 'text/plain' };
      },
    },
    {
      method: 'GET',
      template: '/sandbox-storage/downloads/{key}',
      auth: 'none',
      handle(ctx) {
        const body = downloads.get(ctx.params.key ?? '');
        if (body === undefined)
          throw new ApiError(403, 'signature.invalid', 'The download URL is invalid or has expired');
        return { status: 200, raw: body, contentType: 'application/json' };
      },
    },
  ];

  return {
    routes,
    createUpload(purpose, meta, declaredBytes) {
      const key = randomBytes(18).toString('base64url');
      uploads.set(key, { purpose, meta, declaredBytes });
      scheduler.later(urlLifetimeMs, () => uploads.delete(key));
      return {
        key,
        url: `${baseUrl()}/sandbox-storage/uploads/${key}`,
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      };
    },
    takeUpload(key) {
      const upload = uploads.get(key);
      if (!upload) return undefined;
      uploads.delete(key);
      return { purpose: upload.purpose, meta: upload.meta, body: upload.body };
    },
    createDownload(body) {
      const key = randomBytes(18).toString('base64url');
      downloads.set(key, JSON.stringify(body));
      scheduler.later(urlLifetimeMs, () => downloads.delete(key));
      return `${baseUrl()}/sandbox-storage/downloads/${key}`;
    },
  };
}

function isGzip(buf: Buffer): boolean {
  return buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

function tooLarge(declaredBytes: number): ApiError {
  return new ApiError(
    413,
    'request.entity.too.large',
    `The upload is larger than the ${declaredBytes} bytes declared in contentLengthBytes`,
  );
}

/** Inflates at most `maxBytes`: 1 MB of gzip can claim gigabytes, and the sandbox shares the console's process. */
function gunzipOrReject(buf: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ApiError(413, 'request.entity.too.large', `The upload inflates to more than ${maxBytes} bytes`);
    }
    throw new ApiError(400, 'bad.request', 'The uploaded body is not valid gzip');
  }
}
