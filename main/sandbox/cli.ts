/**
 * `npm run sandbox -- [--port N] [--seed S] [--agents N] [--weeks N] [--faults a,b] [--state FILE]`
 * Starts the sandbox org, prints one JSON line with what a client needs, and
 * serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { faultNames, type FaultName } from './runtime';
import { startSandbox } from './server';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        agents: { type: 'string' },
        weeks: { type: 'string' },
        faults: { type: 'string' },
        state: { type: 'string' },
        'auto-approve': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const faults = (values.faults ?? 'calm')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = faults.filter((f) => !faultNames.includes(f as FaultName));
  if (unknown.length > 0) fail(`unknown fault profile(s): ${unknown.join(', ')}; known: ${faultNames.join(', ')}`);
  const sandbox = await startSandbox({
    port: intOption(values.port, 'port', 0, 65535) ?? 0,
    seed: intOption(values.seed, 'seed', 0, 2 ** 32 - 1) ?? 1,
    agents: intOption(values.agents, 'agents', 1, 5000) ?? 500,
    weeks: intOption(values.weeks, 'weeks', 2, 12) ?? 6,
    faults: faults as FaultName[],
    autoApprove: values['auto-approve'],
    ...(values.state ? { stateFile: values.state } : {}),
  });
  console.log(
    JSON.stringify({
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      businessUnitId: sandbox.businessUnitId,
    }),
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`sandbox: could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
