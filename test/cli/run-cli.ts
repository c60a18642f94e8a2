/** Runs the CLI in-process as a CI job would: given arguments and environment only, no terminal. */
import { runCli } from '../../main/cli/index';

export async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...env },
    promptSecret: async () => null,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A command on the test org's Chicago business unit: `publish-desk <command> --profile Chicago --bu
 * "Chicago Contact Center" <options…> --data-dir <dir>`, the options a test varies in the middle.
 */
export const onChicago = (command: string, options: string[], dataDir: string): string[] => [
  command,
  '--profile',
  'Chicago',
  '--bu',
  'Chicago Contact Center',
  ...options,
  '--data-dir',
  dataDir,
];

/** `publish-desk profile add --name Chicago --base-url <org> --client-id <id> --data-dir <dir>`. */
export const addChicago = (org: { baseUrl: string; clientId: string }, dataDir: string): string[] => [
  'profile',
  'add',
  '--name',
  'Chicago',
  '--base-url',
  org.baseUrl,
  '--client-id',
  org.clientId,
  '--data-dir',
  dataDir,
];
