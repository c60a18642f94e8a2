/**
 * A loopback proxy in front of the sandbox's API for the publish crash test.
 * The app's connection points here; every API request is passed to the
 * sandbox whole, and its answer is held until `decide` has seen it. When
 * `decide` says kill, the child is SIGKILLed BEFORE the answer is relayed:
 * the sandbox did the work (a write was accepted, its operation runs), the
 * engine never heard, so nothing of the answer can be journaled. That is the
 * moment a timer cannot hit reliably. Signed upload URLs and notification
 * sockets point at the sandbox itself, so only API and login calls pass here.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedCall {
  method: string;
  path: string;
  status: number;
}

export interface KillProxy {
  baseUrl: string;
  /** Called with every answer before it is relayed; answering true drops it (the caller is killed first). */
  decide: (call: ProxiedCall) => boolean;
  /** Run before a held answer is dropped: kills the child. */
  onKill: () => void;
  /** Every answer the sandbox gave, in order (dropped ones too). */
  readonly calls: ProxiedCall[];
  close(): Promise<void>;
}

const updatePath = /\/schedules\/([^/]+)\/update$/;

/** The schedule a POST `.../schedules/{id}/update` wrote to, when this call is one. */
export function updateOf(call: ProxiedCall): string | null {
  return call.method === 'POST' ? (updatePath.exec(call.path)?.[1] ?? null) : null;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startKillProxy(target: string): Promise<KillProxy> {
  const upstream = new URL(target);
  const calls: ProxiedCall[] = [];
  const proxy: KillProxy = {
    baseUrl: '',
    decide: () => false,
    onKill: () => {},
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const out = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host, connection: 'close' },
          },
          (r) => void readAll(r).then((b) => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: b })),
        );
        out.on('error', reject);
        out.end(body);
      },
    );
    const call = { method: req.method ?? 'GET', path: new URL(req.url ?? '/', target).pathname, status: answer.status };
    calls.push(call);
    if (proxy.decide(call)) {
      proxy.onKill();
      req.socket.destroy();
      return;
    }
    const headers = { ...answer.headers };
    // The body is relayed whole, so its length is known; hop-by-hop headers stay behind.
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  }

  const server = http.createServer((req, res) => {
    // The sandbox dropped the connection (a `flaky` reset): the caller sees a reset too.
    relay(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
