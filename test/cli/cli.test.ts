/** The CLI as a CI job uses it: commands, JSON output, and exit codes. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { tempDataDir } from '../support/temp-services';
import { addChicago, cli, onChicago } from './run-cli';

let org: RunningSandbox;
beforeAll(async () => {
  org = await startSandbox({ seed: 31, agents: 40 });
});
afterAll(() => org.close());

describe('publish-desk profile', () => {
  it('adds, lists as JSON and removes a profile; the secret comes only from the environment', async () => {
    const dataDir = tempDataDir();
    const add = await cli(addChicago(org, dataDir), {
      PUBLISH_DESK_CLIENT_SECRET: org.clientSecret,
    });
    expect(add).toMatchObject({ code: 0 });
    expect(add.out).toContain('Added connection "Chicago"');
    expect(add.out).toContain('The secret was not stored');
    const list = await cli(['profile', 'list', '--json', '--data-dir', dataDir]);
    const profiles = JSON.parse(list.out) as Array<{ name: string; baseUrl: string | null }>;
    expect(profiles.map((p) => p.name)).toEqual(['Sandbox org', 'Chicago']);
    expect(list.out).not.toContain(org.clientSecret);
    expect((await cli(['profile', 'remove', '--name', 'chicago', '--data-dir', dataDir])).code).toBe(0);
    expect(JSON.parse((await cli(['profile', 'list', '--json', '--data-dir', dataDir])).out)).toHaveLength(1);
  });

  it('keeps the secret encrypted across runs when PUBLISH_DESK_VAULT_PASSPHRASE is set', async () => {
    const dataDir = tempDataDir();
    const env = { PUBLISH_DESK_VAULT_PASSPHRASE: 'correct horse battery staple' };
    const add = await cli(
      [
        'profile',
        'add',
        '--name',
        'Kept',
        '--base-url',
        org.baseUrl,
        '--client-id',
        org.clientId,
        '--data-dir',
        dataDir,
        '--json',
      ],
      {
        ...env,
        PUBLISH_DESK_CLIENT_SECRET: org.clientSecret,
      },
    );
    expect(JSON.parse(add.out)).toMatchObject({ name: 'Kept', secretKept: true });
  });

  it('exits 2 on usage errors, naming what is missing', async () => {
    const dataDir = tempDataDir();
    expect(
      await cli(['profile', 'add', '--client-id', 'x', '--region', 'mypurecloud.com', '--data-dir', dataDir]),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--name') });
    expect(
      await cli([
        'profile',
        'add',
        '--name',
        'N',
        '--client-id',
        'x',
        '--data-dir',
        dataDir,
        '--region',
        'mypurecloud.com',
      ]),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('PUBLISH_DESK_CLIENT_SECRET'),
    });
    expect((await cli(['frobnicate', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['profile', 'add', '--bogus-flag'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });
});

describe('the installed command', () => {
  it('runs through the package bin and prints help', () => {
    const run = spawnSync(process.execPath, ['build/bin/publish-desk.mjs', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('publish-desk sync --profile P --bu B');
  });
});

describe('publish-desk sync', () => {
  it('mirrors N weeks from the current one and reports the run as JSON', async () => {
    const dataDir = tempDataDir();
    const env = { PUBLISH_DESK_CLIENT_SECRET: org.clientSecret };
    await cli(addChicago(org, dataDir), env);
    const run = await cli(onChicago('sync', ['--weeks', '2', '--json'], dataDir), env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as { status: string; weeks: string[]; schedulesFetched: number };
    expect(summary.status).toBe('ok');
    expect(summary.weeks).toHaveLength(2);
    expect(summary.schedulesFetched).toBeGreaterThan(0);
    const again = await cli(
      ['sync', '--profile', 'Chicago', '--bu', org.businessUnitId, '--weeks', '2', '--data-dir', dataDir],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 schedule\(s\) fetched, \d+ unchanged/);
  });

  it('exits 3 when the credentials are refused and 5 when the org cannot be reached', async () => {
    const dataDir = tempDataDir();
    await cli(addChicago(org, dataDir), {
      PUBLISH_DESK_CLIENT_SECRET: 'wrong',
    });
    const refused = await cli(onChicago('sync', [], dataDir), { PUBLISH_DESK_CLIENT_SECRET: 'wrong' });
    expect(refused).toMatchObject({ code: 3, err: expect.stringContaining('Genesys Cloud Admin > OAuth') });

    const gone = await startSandbox({ seed: 32, agents: 30 });
    const goneDir = tempDataDir();
    const env = { PUBLISH_DESK_CLIENT_SECRET: gone.clientSecret };
    await cli(
      [
        'profile',
        'add',
        '--name',
        'Gone',
        '--base-url',
        gone.baseUrl,
        '--client-id',
        gone.clientId,
        '--data-dir',
        goneDir,
      ],
      env,
    );
    await gone.close();
    const unreachable = await cli(
      ['sync', '--profile', 'Gone', '--bu', 'Chicago Contact Center', '--data-dir', goneDir],
      env,
    );
    expect(unreachable.code).toBe(5);
    expect((await cli(['sync', '--profile', 'Nobody', '--bu', 'x', '--data-dir', goneDir])).code).toBe(2);
    expect((await cli(['sync', '--profile', 'Gone', '--bu', 'x', '--weeks', '0', '--data-dir', goneDir])).code).toBe(2);
  });
});
