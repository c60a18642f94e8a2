/**
 * `publish-desk` (also `npm run cli --`): the headless console for scripts
 * and CI. It speaks the same contract as the UI, so it can do nothing the
 * console could not. Exit codes: see `exitCodes` (0 ok, 1 failed, 2 usage, 3 auth, 4 conflict, 5 unavailable, 6 storage).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OpsFailure } from '../../shared/contract';
import { createServices, movedAsideNotice, type Services } from '../services';
import { prepareDataFolder } from '../services/data-folder';
import { userMessage } from '../services/dispatch';
import { failureCategory } from '../services/failure-category';
import { resolveDataDir } from '../services/data-dir';
import { fileOrMemoryVault } from '../services/vault-choice';
import { analyzeCommand } from './commands/analyze';
import { editsCommand } from './commands/edits';
import { fixCommand } from './commands/fix';
import { profileCommand } from './commands/profile';
import { publishCommand } from './commands/publish';
import { syncCommand } from './commands/sync';
import { CommandFailure, contractCaller, type CliContext } from './context';
import { exitCodeFor, exitCodes, UsageError } from './exit-codes';
import { promptSecret } from './prompt';

const usage = `Usage:
  publish-desk profile add --name N (--region R | --base-url URL) --client-id ID [--grant client_credentials|authorization_code]
  publish-desk profile list [--json]
  publish-desk profile remove --name N
  publish-desk sync --profile P --bu B [--weeks N] [--json]
  publish-desk analyze --profile P --bu B --week yyyy-MM-dd [--json]   (offline, from the mirror; exit 4 on error findings)
  publish-desk edits --profile P --bu B --week yyyy-MM-dd [--schedule ID] [--json]   (pending edits and what they change, per agent)
  publish-desk fix --profile P --bu B --week yyyy-MM-dd (--finding ID | --all-of KIND) [--schedule ID] [--dry-run] [--json]
      (one-click fixes as pending edits; exit 4 when some finding could not be fixed)
  publish-desk publish --profile P --bu B --week yyyy-MM-dd [--schedule ID] [--hold-script-sessions] [--accept KIND,...|all] [--json]
      (the guided publish with its pending edits; exit 0 only when everything intended is published, 4 conflicts or
      findings to decide, 5 unavailable; run again after a kill and it resumes the journaled publish)
Every command takes --data-dir DIR (default: $PUBLISH_DESK_DATA, else the app's data folder), --json, and --debug (stack traces).
Exit codes: 0 ok, 1 failed, 2 usage or bad input, 3 sign-in refused or expired, 4 conflict or error findings,
5 Genesys Cloud unavailable, 6 the data folder or vault cannot be used.
The client secret is read from PUBLISH_DESK_CLIENT_SECRET or asked for; never pass it as a flag.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  promptSecret: (q: string) => Promise<string | null>;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        name: { type: 'string' },
        region: { type: 'string' },
        'base-url': { type: 'string' },
        'client-id': { type: 'string' },
        grant: { type: 'string' },
        profile: { type: 'string' },
        bu: { type: 'string' },
        weeks: { type: 'string' },
        week: { type: 'string' },
        schedule: { type: 'string' },
        finding: { type: 'string' },
        'all-of': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'hold-script-sessions': { type: 'boolean', default: false },
        accept: { type: 'string' },
        help: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${usage}`);
    return exitCodes.usage;
  }
  const { values, positionals } = parsed;
  const [command, action] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(usage);
    return values.help ? exitCodes.ok : exitCodes.usage;
  }
  let services: Services | null = null;
  const json = values.json;
  try {
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    // Before the vault writes its file there: a file in the way or a read-only folder is said in words.
    prepareDataFolder(dataDir);
    services = await createServices({
      appName: 'Publish Desk',
      appVersion: packageVersion(),
      dataDir,
      mode: 'cli',
      vault: await fileOrMemoryVault(
        dataDir,
        io.env,
        'In memory for this run only: pass the client secret as PUBLISH_DESK_CLIENT_SECRET, or set PUBLISH_DESK_VAULT_PASSPHRASE to keep it encrypted.',
      ),
      openBrowser: async (url) => io.err(`Open this link to sign in:\n${url}`),
    });
    if (services.movedAside) io.err(movedAsideNotice(services.movedAside));
    const ctx: CliContext = {
      services,
      json,
      out: io.out,
      err: io.err,
      env: io.env,
      promptSecret: io.promptSecret,
      call: contractCaller(services),
    };
    if (command === 'profile') await profileCommand(ctx, action, values);
    else if (command === 'sync') await syncCommand(ctx, values);
    else if (command === 'analyze') return await analyzeCommand(ctx, values);
    else if (command === 'edits') return await editsCommand(ctx, values);
    else if (command === 'fix') return await fixCommand(ctx, values);
    else if (command === 'publish') return await publishCommand(ctx, values);
    else throw new UsageError(`Unknown command "${command}".`);
    return exitCodes.ok;
  } catch (err) {
    return reportFailure(err, { ...io, json, debug: values.debug });
  } finally {
    await services?.close().catch(() => {});
  }
}

/** One line (or one JSON object) that says what went wrong and what to do; a stack trace only with --debug. */
function reportFailure(err: unknown, io: CliIo & { json: boolean; debug: boolean }): number {
  if (err instanceof UsageError) {
    io.err(`${err.message}\n${usage}`);
    return exitCodes.usage;
  }
  const failure: OpsFailure =
    err instanceof CommandFailure
      ? err.failure
      : (() => {
          const category = failureCategory(err);
          return { code: 'failed', message: userMessage(err, category), category };
        })();
  if (io.json) io.out(JSON.stringify({ error: failure }));
  io.err(failure.message);
  if (io.debug && err instanceof Error && err.stack) io.err(err.stack);
  return failure.code === 'badArguments' ? exitCodes.usage : exitCodeFor(failure.category);
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// Run when executed directly (tsx or the bundled out/cli/index.cjs), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/(main[\\/]cli[\\/]index\.ts|out[\\/]cli[\\/]index\.cjs)$/.test(entry)) {
  runCli(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
    promptSecret: (q) => promptSecret(q),
  })
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      // runCli reports its own failures; this is for a fault in reporting itself.
      process.stderr.write(`publish-desk stopped: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(exitCodes.failed);
    });
}
