/**
 * Malformed HTTP, as raw bytes: request lines, targets, headers and bodies
 * that a careless client, a scanner or a hostile web page could send.
 */
const crlf = '\r\n';

const badTargets = [
  '//[',
  'http://[',
  '//[::1',
  '/%zz',
  '/%',
  '/%E0%A4%A',
  '/channels/%zz',
  '/callback?state=%zz&code=%',
  '/sandbox-storage/uploads/%ff%fe',
  '/api/v2/workforcemanagement/businessunits/%zz',
  '*',
  '//',
  '/?launch=%zz',
  '/ops/call?%zz=%zz',
  `/${'a'.repeat(9000)}`,
  'javascript:alert(1)',
  '/\u00e9\u00e8',
];

/** Requests that are wrong from the first byte, or wrong in their headers. */
export function malformedRequests(
  host: string,
  postPath: string,
  /** Headers that get a body past the listener's guard (a token, our Origin), so the body is read. */
  auth: Record<string, string> = {},
): Array<{ name: string; bytes: Buffer | string; end?: boolean }> {
  const get = (target: string, extra = '') => `GET ${target} HTTP/1.1${crlf}Host: ${host}${crlf}${extra}${crlf}`;
  const authLines = Object.entries(auth)
    .map(([k, v]) => `${k}: ${v}${crlf}`)
    .join('');
  const post = (headers: string, body: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`POST ${postPath} HTTP/1.1${crlf}Host: ${host}${crlf}${authLines}${headers}${crlf}`, 'latin1'),
      Buffer.from(body),
    ]);
  return [
    ...badTargets.map((t) => ({ name: `target ${JSON.stringify(t.slice(0, 40))}`, bytes: get(t) })),
    ...badTargets.map((t) => ({
      name: `POST to ${JSON.stringify(t.slice(0, 40))}`,
      bytes: `POST ${t} HTTP/1.1${crlf}Host: ${host}${crlf}Content-Length: 2${crlf}${crlf}{}`,
    })),
    { name: 'binary noise', bytes: Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]) },
    { name: 'TLS hello on a plain port', bytes: Buffer.from('16030100a5010000a10303', 'hex') },
    { name: 'unknown HTTP version', bytes: `GET / HTTP/9.9${crlf}Host: ${host}${crlf}${crlf}` },
    { name: 'no target', bytes: `GET${crlf}${crlf}` },
    { name: 'lower-case method', bytes: `get / HTTP/1.1${crlf}Host: ${host}${crlf}${crlf}` },
    { name: 'unknown method', bytes: `BREW / HTTP/1.1${crlf}Host: ${host}${crlf}${crlf}` },
    { name: 'header without a colon', bytes: get('/', `NoColonHere${crlf}`) },
    { name: 'header with a NUL', bytes: get('/', `X-Bad: a\u0000b${crlf}`) },
    { name: 'headers over 16 KB', bytes: get('/', `X-Big: ${'b'.repeat(20_000)}${crlf}`) },
    {
      name: 'a thousand headers',
      bytes: get('/', Array.from({ length: 1000 }, (_, i) => `X-H${i}: v${crlf}`).join('')),
    },
    { name: 'two Host headers', bytes: get('/', `Host: evil.example${crlf}`) },
    { name: 'no Host header', bytes: `GET / HTTP/1.1${crlf}${crlf}` },
    { name: 'cookie soup', bytes: get('/', `Cookie: ;;=;pd_launch_1=%zz;${'a=b;'.repeat(500)}${crlf}`) },
    { name: 'origin that is not a URL', bytes: get('/', `Origin: http://[${crlf}`) },
    { name: 'negative Content-Length', bytes: post(`Content-Length: -1${crlf}`, '{}') },
    { name: 'Content-Length not a number', bytes: post(`Content-Length: abc${crlf}`, '{}') },
    { name: 'two Content-Lengths', bytes: post(`Content-Length: 2${crlf}Content-Length: 5${crlf}`, '{}') },
    {
      name: 'Content-Length with Transfer-Encoding',
      bytes: post(`Content-Length: 2${crlf}Transfer-Encoding: chunked${crlf}`, '0\r\n\r\n'),
    },
    { name: 'bad chunk size', bytes: post(`Transfer-Encoding: chunked${crlf}`, 'zz\r\nhello\r\n0\r\n\r\n') },
    { name: 'chunk larger than said', bytes: post(`Transfer-Encoding: chunked${crlf}`, '2\r\nhello\r\n0\r\n\r\n') },
    {
      name: 'body cut short',
      bytes: post(`Content-Length: 5000${crlf}Content-Type: application/json${crlf}`, '{"method":'),
      end: true,
    },
    {
      name: 'body not JSON',
      bytes: post(`Content-Length: 9${crlf}Content-Type: application/json${crlf}`, '{not json'),
    },
    { name: 'body JSON null', bytes: post(`Content-Length: 4${crlf}Content-Type: application/json${crlf}`, 'null') },
    {
      name: 'body invalid UTF-8',
      bytes: post(
        `Content-Length: 4${crlf}Content-Type: application/json${crlf}`,
        Buffer.from([0x22, 0xff, 0xfe, 0x22]),
      ),
    },
    {
      name: 'body nested 100,000 deep',
      bytes: post(`Content-Length: 100000${crlf}Content-Type: application/json${crlf}`, '['.repeat(100_000)),
    },
    {
      name: 'body with a gzip header',
      bytes: post(
        `Content-Length: 4${crlf}Content-Encoding: gzip${crlf}Content-Type: application/json${crlf}`,
        Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
      ),
    },
    {
      name: 'form body with bad escapes',
      bytes: post(
        `Content-Length: 20${crlf}Content-Type: application/x-www-form-urlencoded${crlf}`,
        'grant_type=%zz&a=%%%',
      ),
    },
    { name: 'pipelined garbage after a good request', bytes: `${get('/')}\u0000\u0001GARBAGE${crlf}${crlf}` },
  ];
}

/** Upgrade requests that are wrong in their target or their WebSocket headers. */
export function malformedUpgrades(
  host: string,
  goodTarget: string,
  extra: Record<string, string>,
): Array<{ name: string; bytes: string; /** A server may ignore this flaw and open the socket. */ mayOpen?: boolean }> {
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const upgrade = (target: string, headers: string) =>
    `GET ${target} HTTP/1.1${crlf}Host: ${host}${crlf}Upgrade: websocket${crlf}Connection: Upgrade${crlf}${headers}${crlf}`;
  const extraLines = Object.entries(extra)
    .map(([k, v]) => `${k}: ${v}${crlf}`)
    .join('');
  const valid = `Sec-WebSocket-Key: ${key}${crlf}Sec-WebSocket-Version: 13${crlf}${extraLines}`;
  return [
    ...badTargets.map((t) => ({ name: `upgrade to ${JSON.stringify(t.slice(0, 40))}`, bytes: upgrade(t, valid) })),
    { name: 'no key', bytes: upgrade(goodTarget, `Sec-WebSocket-Version: 13${crlf}${extraLines}`) },
    {
      name: 'key not base64 of 16 bytes',
      bytes: upgrade(goodTarget, `Sec-WebSocket-Key: nope${crlf}Sec-WebSocket-Version: 13${crlf}${extraLines}`),
    },
    {
      name: 'unknown version',
      bytes: upgrade(goodTarget, `Sec-WebSocket-Key: ${key}${crlf}Sec-WebSocket-Version: 99${crlf}${extraLines}`),
    },
    {
      name: 'bad extension offer',
      bytes: upgrade(
        goodTarget,
        `${valid}Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=99${crlf}`,
      ),
      mayOpen: true,
    },
    {
      name: 'bad subprotocol list',
      bytes: upgrade(goodTarget, `${valid}Sec-WebSocket-Protocol: ,,,${crlf}`),
      mayOpen: true,
    },
    { name: 'upgrade with a POST', bytes: upgrade(goodTarget, valid).replace(/^GET/, 'POST') },
  ];
}
