/** Reading request bodies the way Genesys refuses them: 415, 413, 400. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        reject(new ApiError(413, 'request.entity.too.large', `The request body is larger than ${maxBytes} bytes`));
      } else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export function parseJsonBody(req: IncomingMessage, raw: Buffer): unknown {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported.media.type',
      `Content type '${type || 'none'}' is not supported; use application/json`,
    );
  }
  if (raw.length === 0) throw new ApiError(400, 'bad.request', 'The request body is missing');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(
      400,
      'bad.request',
      'The request could not be understood by the server due to malformed syntax.',
    );
  }
}
