/** `publish-desk sync --profile P --bu B [--weeks N]`: mirror weeks of a business unit. */
import type { CliContext } from '../context';
import { UsageError } from '../exit-codes';

export async function syncCommand(_ctx: CliContext, flags: { profile?: string; bu?: string; weeks?: string }): Promise<void> {
  if (!flags.profile || !flags.bu) throw new UsageError('sync needs --profile and --bu');
  throw new UsageError('sync arrives with the mirror');
}
