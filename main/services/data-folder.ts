/**
 * Makes sure the data folder can hold Publish Desk's files before anything
 * is opened in it, and says in words what is wrong when it cannot: a file in
 * the way, a read-only folder. On POSIX the folder is the owner's only (0700):
 * the mirror holds every agent's schedule, and the vault and the database
 * files inside it are 0600.
 */
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { OpsError } from '../../shared/ops-error';

const ourFiles = ['publish-desk.sqlite', 'secrets.vault'];
const posix = process.platform !== 'win32';
const next = 'Choose another folder with --data-dir (or PUBLISH_DESK_DATA), or fix this one.';

function storage(why: string): OpsError {
  return new OpsError('storage', `${why} ${next}`);
}

/** The nearest ancestor of `dir` that exists, and whether it is a folder. */
function blocker(dir: string): string | null {
  let at = path.dirname(dir);
  while (at !== path.dirname(at)) {
    try {
      return statSync(at).isDirectory() ? null : at;
    } catch {
      at = path.dirname(at);
    }
  }
  return null;
}

export function prepareDataFolder(dir: string): void {
  let created = false;
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) throw storage(`The data folder ${dir} is a file, not a folder.`);
  } catch (err) {
    if (err instanceof OpsError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR')
      throw storage(
        `The data folder ${dir} cannot be created: ${blocker(dir) ?? 'a part of its path'} is a file, not a folder.`,
      );
    if (code !== 'ENOENT') throw storage(`The data folder ${dir} cannot be read (${code}).`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      created = true;
    } catch (mkErr) {
      const why = (mkErr as NodeJS.ErrnoException).code;
      if (why === 'ENOTDIR' || why === 'EEXIST')
        throw storage(
          `The data folder ${dir} cannot be created: ${blocker(dir) ?? 'a part of its path'} is a file, not a folder.`,
        );
      throw storage(
        `The data folder ${dir} cannot be created (${why === 'EACCES' || why === 'EROFS' || why === 'EPERM' ? 'permission denied' : why}).`,
      );
    }
  }
  // access(W_OK) says yes to root on a read-only mount; only a real write tells.
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw storage(
      `The data folder ${dir} is read-only for Publish Desk (${code}): it needs to write its mirror and settings there.`,
    );
  }
  if (posix) tightenFolder(dir, created);
}

/** Owner-only, but never on a folder that is not clearly ours (a --data-dir of /tmp or $HOME must be left alone). */
function tightenFolder(dir: string, created: boolean): void {
  try {
    const entries = readdirSync(dir);
    const ours = created || entries.length === 0 || entries.some((e) => ourFiles.includes(e));
    if (ours && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  } catch {
    // A folder we may not chmod (another owner's) still works; its files are 0600 regardless.
  }
}
