/**
 * Where Publish Desk keeps its data outside Electron (host and CLI).
 * Order: --data-dir, then PUBLISH_DESK_DATA, then the platform's usual place
 * (the same folder Electron's userData would be, so both modes share a mirror).
 */
import os from 'node:os';
import path from 'node:path';

export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag) return path.resolve(flag);
  if (env.PUBLISH_DESK_DATA) return path.resolve(env.PUBLISH_DESK_DATA);
  const appFolder = 'Publish Desk';
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolder);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolder);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolder);
}
