/**
 * Every network listener Publish Desk opens, in one process, as browser mode
 * runs them: the host (calls and events), a sandbox org (API, notification
 * sockets, signed storage URLs) and a PKCE sign-in callback. The fuzz suite
 * throws malformed input at each and then checks this process still answers.
 * No uncaughtException handler on purpose: a crash must be seen as a crash.
 *   node --import tsx test/fuzz/listeners-child.ts
 */
import { startPkceSignIn } from '../../main/genesys/auth/loopback-signin';
import { startHost } from '../../main/host/server';
import { startSandbox } from '../../main/sandbox/server';
import { fakeRendererDir } from '../contract/transports';
import { tempServices } from '../support/temp-services';

const services = await tempServices();
const host = await startHost({ dispatch: services.dispatch, events: services.events, rendererDir: fakeRendererDir() });
const sandbox = await startSandbox({ seed: 5, agents: 20, weeks: 2, autoApprove: true });
const signIn = await startPkceSignIn({
  env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
  clientId: [...sandbox.runtime.org.clients.values()].find((c) => c.name === 'Publish Desk supervisor sign-in')!
    .clientId,
  openBrowser: async () => {},
  timeoutMs: 10 * 60_000,
});
signIn.result.then(
  () => process.stdout.write(`${JSON.stringify({ signedIn: true })}\n`),
  (err: Error) => process.stdout.write(`${JSON.stringify({ signedIn: false, why: err.message })}\n`),
);

process.stdout.write(
  `${JSON.stringify({
    host: { port: host.port, origin: host.origin, token: host.token },
    sandbox: { baseUrl: sandbox.baseUrl, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
    signIn: { redirectUri: signIn.redirectUri, authorizeUrl: signIn.authorizeUrl },
  })}\n`,
);
// The test ends this process; stop by ourselves if it never does.
setTimeout(() => process.exit(0), 5 * 60_000).unref();
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
