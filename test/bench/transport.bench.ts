/**
 * What the browser transport costs per contract call: app.info through the
 * loopback host (real HTTP, token and origin checks) against the same call
 * dispatched in-process (the baseline, what the IPC transport adds nothing to).
 */
import { tempServices } from '../support/temp-services';
import { startHost } from '../../main/host/server';
import { fakeRendererDir } from '../contract/transports';

const calls = 2000;

async function main() {
  const svc = await tempServices();
  const host = await startHost({ dispatch: svc.dispatch, events: svc.events, rendererDir: fakeRendererDir() });
  const headers = { 'content-type': 'application/json', origin: host.origin, 'x-publish-desk-token': host.token };
  const body = JSON.stringify({ method: 'app.info', args: {} });

  for (let i = 0; i < 200; i++) await svc.dispatch('app.info', {}, { transport: 'ipc' }); // warm-up
  let t = performance.now();
  for (let i = 0; i < calls; i++) await svc.dispatch('app.info', {}, { transport: 'ipc' });
  const inProcessUs = ((performance.now() - t) * 1000) / calls;

  for (let i = 0; i < 200; i++)
    await (await fetch(`${host.origin}/ops/call`, { method: 'POST', headers, body })).json();
  t = performance.now();
  for (let i = 0; i < calls; i++) {
    const res = await fetch(`${host.origin}/ops/call`, { method: 'POST', headers, body });
    if (!res.ok) throw new Error(`call failed: ${res.status}`);
    await res.json();
  }
  const httpUs = ((performance.now() - t) * 1000) / calls;
  await host.close();
  await svc.close();

  console.log(`in-process dispatch: ${inProcessUs.toFixed(1)} µs/call; host HTTP: ${httpUs.toFixed(1)} µs/call`);
  console.log(
    JSON.stringify({
      bench: 'transport',
      calls,
      inProcessMicrosPerCall: Number(inProcessUs.toFixed(2)),
      hostHttpMicrosPerCall: Number(httpUs.toFixed(2)),
      hostOverInProcessRatio: Number((httpUs / inProcessUs).toFixed(1)),
    }),
  );
}

void main();
