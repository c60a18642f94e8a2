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
