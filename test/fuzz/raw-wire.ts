/**
 * Bytes on a socket, below any HTTP or WebSocket library, so the fuzz suite
 * can send what no well-behaved client would: broken request lines, lying
 * lengths, and WebSocket frames that break the protocol.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

/** Sends `bytes` (then optionally half-closes) and collects the answer until the peer closes or `waitMs` passes. */
export function exchange(
  port: number,
  bytes: Buffer | string,
  opts: { waitMs?: number; end?: boolean } = {},
): Promise<string> {
  const { waitMs = 1500, end = false } = opts;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', done);
    socket.on('connect', () => {
      socket.write(bytes);
      if (end) socket.end();
    });
  });
}

export function upgradeRequest(target: string, host: string, headers: Record<string, string> = {}): string {
  const lines = [
    `GET ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export interface FrameSpec {
  opcode: number;
  payload: Buffer;
  fin?: boolean;
  rsv?: number;
  mask?: boolean;
  /** Claim this length in the header instead of the payload's. */
  claimedLength?: bigint;
}

/** One WebSocket frame as RFC 6455 §5.2 lays it out, with every rule breakable. */
export function frame(spec: FrameSpec): Buffer {
  const { opcode, payload, fin = true, rsv = 0, mask = true } = spec;
  const length = spec.claimedLength ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(length);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), ext, key, masked]);
}

/** Opens a WebSocket by hand, then writes `after` on it; resolves with what the server did (`closed` or `open`). */
export function openThenSend(
  port: number,
  handshake: string,
  after: Buffer,
  waitMs = 1500,
): Promise<{ accepted: boolean; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffered = '';
    let accepted = false;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ accepted, closed });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (c) => {
      if (accepted) return;
      buffered += c.toString('latin1');
      if (!buffered.includes('\r\n\r\n')) return;
      accepted = buffered.startsWith('HTTP/1.1 101');
      if (!accepted) return done(true);
      const key = /Sec-WebSocket-Key: (\S+)/.exec(handshake)?.[1] ?? '';
      const expected = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      if (!buffered.includes(expected)) return done(true);
      socket.write(after);
    });
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
    socket.on('connect', () => socket.write(handshake));
  });
}

/** The frames a broken or hostile WebSocket client might send; each must end that socket only. */
export function hostileFrames(maxPayloadHint: number): Array<{ name: string; bytes: Buffer }> {
  const text = 0x1;
  return [
    { name: 'invalid UTF-8 text', bytes: frame({ opcode: text, payload: Buffer.from([0xff, 0xfe, 0xc3, 0x28]) }) },
    { name: 'oversized frame', bytes: frame({ opcode: text, payload: Buffer.alloc(maxPayloadHint + 1024, 0x61) }) },
    { name: 'length beyond 2^53', bytes: frame({ opcode: 0x2, payload: Buffer.alloc(16), claimedLength: 2n ** 62n }) },
    { name: 'unmasked client frame', bytes: frame({ opcode: text, payload: Buffer.from('hi'), mask: false }) },
    { name: 'reserved bits set', bytes: frame({ opcode: text, payload: Buffer.from('hi'), rsv: 0b111 }) },
    { name: 'reserved opcode', bytes: frame({ opcode: 0x3, payload: Buffer.from('hi') }) },
    { name: 'fragmented ping', bytes: frame({ opcode: 0x9, payload: Buffer.from('p'), fin: false }) },
    { name: 'control frame over 125 bytes', bytes: frame({ opcode: 0x9, payload: Buffer.alloc(200) }) },
    { name: 'close with a 1-byte body', bytes: frame({ opcode: 0x8, payload: Buffer.from([0x03]) }) },
    { name: 'close with code 1005', bytes: frame({ opcode: 0x8, payload: Buffer.from([0x03, 0xed]) }) },
    { name: 'continuation with nothing to continue', bytes: frame({ opcode: 0x0, payload: Buffer.from('x') }) },
    {
      name: 'invalid UTF-8 across fragments',
      bytes: Buffer.concat([
        frame({ opcode: text, payload: Buffer.from([0xe2, 0x82]), fin: false }),
        frame({ opcode: 0x0, payload: Buffer.from([0x28]) }),
      ]),
    },
    { name: 'garbage bytes', bytes: randomBytesSeeded(512) },
  ];
}

function randomBytesSeeded(n: number): Buffer {
  // A fixed pattern, so a failure can be reproduced.
  return Buffer.from(Array.from({ length: n }, (_, i) => (i * 131 + 17) & 0xff));
}
