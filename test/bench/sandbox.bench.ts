/**
 * Sandbox throughput, so it never becomes the bottleneck of other benchmarks.
 * - schedule reads/s through the full pipeline (token, rate-limit headers,
 *   routing, SDK-shaped JSON) vs a bare node:http server answering the same
 *   bytes (the floor of HTTP on this machine);
 * - the agent-schedule query for a 5,000-agent BU (every MU, download mode)
 *   vs JSON.stringify of the same data (the floor of producing it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

const reads = 3000;
const concurrency = 8;

async function hammer(url: string, headers: Record<string, string>, total: number): Promise<number> {
  let sent = 0;
  const t = performance.now();
  const worker = async () => {
    while (sent < total) {
      sent++;
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`status ${res.status} from ${url}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - t) / 1000);
}

async function main() {
  const setupStart = performance.now();
  const sandbox = await startSandbox({
    agents: 5000,
    rateLimitPerMinute: 1_000_000,
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
  const setupMs = performance.now() - setupStart;
  const token = await clientCredentialsToken(sandbox);
  const auth = { authorization: `Bearer ${token}` };
  const week = sandbox.runtime.manifest.weeks.find((w) => w.published)!;
  const schedulePath = `/api/v2/workforcemanagement/businessunits/${sandbox.businessUnitId}/weeks/${week.weekDate}/schedules/${week.scheduleId}`;

  // Baseline: the same response bytes from a server that does nothing else.
  const sample = Buffer.from(await (await fetch(`${sandbox.baseUrl}${schedulePath}`, { headers: auth })).arrayBuffer());
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(sample);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  await hammer(bareUrl, {}, 300);
  const bareRps = await hammer(bareUrl, {}, reads);
  await hammer(`${sandbox.baseUrl}${schedulePath}`, auth, 300);
  const sandboxRps = await hammer(`${sandbox.baseUrl}${schedulePath}`, auth, reads);
  bare.close();

  // The 5,000-agent query: every MU of the BU, results by download URL.
  const bu = sandbox.runtime.org.businessUnits.get(sandbox.businessUnitId)!;
  let bytes = 0;
  let agents = 0;
  const q = performance.now();
  for (const mu of bu.managementUnits) {
    const res = await fetch(`${sandbox.baseUrl}${schedulePath}/agentschedules/query?forceDownloadService=true`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ managementUnitId: mu.id }),
    });
    const { downloadUrl } = (await res.json()) as { downloadUrl: string };
    const body = await (await fetch(downloadUrl)).text();
    bytes += body.length;
    agents += (JSON.parse(body) as { agentSchedules: unknown[] }).agentSchedules.length;
  }
  const queryMs = performance.now() - q;
  const schedule = bu.schedules.get(week.scheduleId)!;
  const f = performance.now();
  const floorBytes = JSON.stringify([...schedule.agentSchedules.values()]).length;
  const floorMs = performance.now() - f;
  await sandbox.close();

  console.log(`schedule reads: sandbox ${sandboxRps.toFixed(0)} req/s, bare http ${bareRps.toFixed(0)} req/s`);
  console.log(
    `5,000-agent query: ${queryMs.toFixed(0)} ms for ${agents} agents (${(bytes / 1e6).toFixed(1)} MB); stringify floor ${floorMs.toFixed(0)} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'sandbox',
      orgSetupMs: Math.round(setupMs),
      scheduleReadsPerSecond: Math.round(sandboxRps),
      bareHttpReadsPerSecond: Math.round(bareRps),
      readsRatioToBare: Number((sandboxRps / bareRps).toFixed(2)),
      agentQueryAgents: agents,
      agentQueryMs: Math.round(queryMs),
      agentQueryMegabytes: Number((bytes / 1e6).toFixed(1)),
      stringifyFloorMs: Math.round(floorMs),
      stringifyFloorMegabytes: Number((floorBytes / 1e6).toFixed(1)),
      agentQueryRatioToFloor: Number((queryMs / Math.max(floorMs, 1)).toFixed(1)),
    }),
  );
}

void main();
