/**
 * Every way a careless user or a broken machine can make the CLI fail: the
 * message names the problem and the next step, the exit code is the
 * documented one, and no stack trace is printed (unless --debug).
 */
import { chmodSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { tempDataDir } from '../support/temp-services';
import { addChicago, cli, onChicago } from './run-cli';

let org: RunningSandbox;
beforeAll(async () => {
  org = await startSandbox({ seed: 41, agents: 30, weeks: 2 });
});
afterAll(() => org.close());

const stackTrace = /\n\s+at .+[:(]\d+/;
const passphrase = { PUBLISH_DESK_VAULT_PASSPHRASE: 'correct horse battery staple' };

function expectClean(result: { err: string; out: string }) {
  expect(result.err).not.toMatch(stackTrace);
  expect(result.out).not.toMatch(stackTrace);
}

async function chicagoAdded(dataDir: string, env: Record<string, string> = {}) {
  const added = await cli(addChicago(org, dataDir), {
    PUBLISH_DESK_CLIENT_SECRET: org.clientSecret,
    ...env,
  });
  expect(added.code).toBe(0);
}

describe('the vault', () => {
  it('a wrong passphrase exits 3 and says how to go on', async () => {
    const dataDir = tempDataDir();
    await chicagoAdded(dataDir, passphrase);
    const wrong = await cli(['profile', 'list', '--data-dir', dataDir], { PUBLISH_DESK_VAULT_PASSPHRASE: 'tr0ub4dor' });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/vault passphrase is not right.*move the file away/);
    expectClean(wrong);
  });

  it('a truncated or zero-byte vault exits 6, names the file and is left as it was', async () => {
    for (const damage of [
      (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2)),
      (f: string) => writeFileSync(f, ''),
    ]) {
      const dataDir = tempDataDir();
      await chicagoAdded(dataDir, passphrase);
      const vaultFile = path.join(dataDir, 'secrets.vault');
      damage(vaultFile);
      const before = readFileSync(vaultFile);
      const run = await cli(['profile', 'list', '--data-dir', dataDir], passphrase);
      expect(run.code).toBe(6);
      expect(run.err).toContain(vaultFile);
      expect(run.err).toMatch(/damaged .* move it away to start a new vault, or restore it from a backup/);
      expect(readFileSync(vaultFile)).toEqual(before);
      expectClean(run);
    }
  });

  it('an altered secret exits 3 and says to save it again', async () => {
    const dataDir = tempDataDir();
    await chicagoAdded(dataDir, passphrase);
    const vaultFile = path.join(dataDir, 'secrets.vault');
    const doc = JSON.parse(readFileSync(vaultFile, 'utf8')) as { entries: Record<string, { data: string }> };
    const [name] = Object.keys(doc.entries).filter((k) => k.includes('secret'));
    const data = Buffer.from(doc.entries[name!]!.data, 'base64');
    data[0] = data[0]! ^ 0xff;
    doc.entries[name!]!.data = data.toString('base64');
    writeFileSync(vaultFile, JSON.stringify(doc));
    const run = await cli(onChicago('sync', ['--weeks', '1'], dataDir), passphrase);
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/has been altered and cannot be read\. Save it again/);
    expectClean(run);
  });

  it('a missing secret exits 3 and says where to get it', async () => {
    const dataDir = tempDataDir();
    await chicagoAdded(dataDir);
    // No vault passphrase: the secret lived for the add only.
    const run = await cli(onChicago('sync', ['--weeks', '1'], dataDir));
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/No client secret is stored for "Chicago".*Genesys Cloud Admin > OAuth/);
    expectClean(run);
  });
});

describe('the data folder', () => {
  it('a file in its place, or in its path, exits 6 and says so', async () => {
    const file = path.join(tempDataDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const isFile = await cli(['profile', 'list', '--data-dir', file]);
    expect(isFile).toMatchObject({
      code: 6,
      err: expect.stringContaining(
        `The data folder ${file} is a file, not a folder. Choose another folder with --data-dir`,
      ),
    });
    const under = await cli(['profile', 'list', '--data-dir', path.join(file, 'inner', 'deeper')]);
    expect(under).toMatchObject({ code: 6, err: expect.stringContaining(`${file} is a file, not a folder`) });
    expectClean(isFile);
    expectClean(under);
  });

  it('a read-only folder exits 6 and says it is read-only', async () => {
    // Root writes through a 0555 folder, so as root (our CI) use sysfs, which nobody may write to.
    let dir = '/sys';
    if (process.getuid?.() !== 0) {
      dir = path.join(tempDataDir(), 'locked');
      mkdirSync(dir);
      chmodSync(dir, 0o555);
    }
    const run = await cli(['profile', 'list', '--data-dir', dir]);
    expect(run).toMatchObject({
      code: 6,
      err: expect.stringContaining(`The data folder ${dir} is read-only for Publish Desk`),
    });
    expectClean(run);
  });

  it('is private to its owner: the folder 0700, the database and vault 0600', async () => {
    if (process.platform === 'win32') return;
    const dataDir = path.join(tempDataDir(), 'fresh');
    await chicagoAdded(dataDir, passphrase);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'publish-desk.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, 'secrets.vault')).mode & 0o777).toBe(0o600);
    // An existing mirror from before is tightened on the next run.
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, 'publish-desk.sqlite'), 0o644);
    expect((await cli(['profile', 'list', '--data-dir', dataDir], passphrase)).code).toBe(0);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'publish-desk.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('a corrupt database is moved aside with a message that says how to get the data back', async () => {
    const dataDir = tempDataDir();
    await chicagoAdded(dataDir);
    writeFileSync(path.join(dataDir, 'publish-desk.sqlite'), Buffer.alloc(8192, 0x5a));
    const run = await cli(['profile', 'list', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /database could not be read, so it was moved to .*publish-desk\.sqlite\.corrupt-.*add your connections again, then sync/,
    );
    expect((JSON.parse(run.out) as Array<{ name: string }>).map((p) => p.name)).toEqual(['Sandbox org']);
  });
});

describe('usage errors exit 2', () => {
  it('a region that does not exist, a name already taken, a remote http:// URL', async () => {
    const dataDir = tempDataDir();
    const secret = { PUBLISH_DESK_CLIENT_SECRET: 's3cret' };
    const region = await cli(
      ['profile', 'add', '--name', 'X', '--region', 'moon.example', '--client-id', 'c', '--data-dir', dataDir],
      secret,
    );
    expect(region).toMatchObject({
      code: 2,
      err: expect.stringContaining('"moon.example" is not a Genesys Cloud region'),
    });
    await chicagoAdded(dataDir);
    const taken = await cli(
      ['profile', 'add', '--name', 'chicago', '--base-url', org.baseUrl, '--client-id', 'c', '--data-dir', dataDir],
      secret,
    );
    expect(taken).toMatchObject({
      code: 2,
      err: expect.stringContaining('A connection named "chicago" already exists'),
    });
    const remote = await cli(
      [
        'profile',
        'add',
        '--name',
        'Plain',
        '--base-url',
        'http://api.example.com',
        '--client-id',
        'c',
        '--json',
        '--data-dir',
        dataDir,
      ],
      secret,
    );
    expect(remote.code).toBe(2);
    expect(JSON.parse(remote.out)).toEqual({
      error: { code: 'failed', category: 'badInput', message: expect.stringContaining('must use https') },
    });
    for (const r of [region, taken, remote]) expectClean(r);
  });

  it('--debug adds the stack trace for support', async () => {
    const file = path.join(tempDataDir(), 'a-file');
    writeFileSync(file, '');
    const run = await cli(['profile', 'list', '--debug', '--data-dir', file]);
    expect(run.code).toBe(6);
    expect(run.err).toMatch(stackTrace);
  });
});

describe('weeks given to analyze', () => {
  it('must be real dates that start a week of the unit and are mirrored; otherwise exit 2 with what to do', async () => {
    const dataDir = tempDataDir();
    const env = { PUBLISH_DESK_CLIENT_SECRET: org.clientSecret };
    await chicagoAdded(dataDir);
    const sync = await cli(onChicago('sync', ['--weeks', '1', '--json'], dataDir), env);
    expect(sync.code).toBe(0);
    const [week] = (JSON.parse(sync.out) as { weeks: string[] }).weeks;
    const analyze = (w: string) => cli(onChicago('analyze', ['--week', w], dataDir));

    const impossible = await analyze('2025-02-30');
    expect(impossible).toMatchObject({ code: 2, err: expect.stringContaining('real date') });
    const wednesday = DateTime.fromISO(week!).plus({ days: 2 }).toISODate()!;
    const misaligned = await analyze(wednesday);
    expect(misaligned).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        `${wednesday} is a Wednesday, but weeks of this business unit start on Monday: use ${week} for that week.`,
      ),
    });
    const later = DateTime.fromISO(week!).plus({ weeks: 10 }).toISODate()!;
    const unmirrored = await analyze(later);
    expect(unmirrored).toMatchObject({
      code: 2,
      err: expect.stringContaining(`No schedule for the week of ${later} is mirrored on this machine`),
    });
    expect(unmirrored.err).toContain(`Mirrored weeks: ${week}`);
    for (const r of [impossible, misaligned, unmirrored]) {
      expect(r.out).not.toMatch(/0 error\(s\)/);
      expectClean(r);
    }
    expect((await analyze(week!)).code).not.toBe(2);
  });
});
