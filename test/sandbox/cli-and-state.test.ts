/** `npm run sandbox` as a process, and `--state FILE` across restarts. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/server';
import { clientCredentialsToken, putUpload } from './harness';

describe('the sandbox command', () => {
  it('prints one JSON line a client can use, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      'node_modules/.bin/tsx',
      ['main/sandbox/cli.ts', '--seed', '3', '--agents', '40', '--faults', 'calm'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(line) as {
      baseUrl: string;
      clientId: string;
      clientSecret: string;
      businessUnitId: string;
    };
    expect(Object.keys(info).sort()).toEqual(['baseUrl', 'businessUnitId', 'clientId', 'clientSecret']);
    const token = await fetch(`${info.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${info.clientId}:${info.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses an unknown fault profile with a usage error', async () => {
    const child = spawn('node_modules/.bin/tsx', ['main/sandbox/cli.ts', '--faults', 'sunny'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('unknown fault profile(s): sunny');
  });
});

describe('--state FILE', () => {
  it('keeps accepted writes across a restart', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pd-sandbox-')), 'org.json');
    const options = {
      seed: 8,
      agents: 40,
      stateFile: file,
      operationDelayMs: 5,
      now: () => new Date('2026-11-23T12:00:00Z'),
    };
    const first = await startSandbox(options);
    const week = first.runtime.manifest.weeks.find((w) => !w.published)!;
    const path_ = `/api/v2/workforcemanagement/businessunits/${first.businessUnitId}/weeks/${week.weekDate}/schedules/${week.scheduleId}`;
    const token = await clientCredentialsToken(first);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const version = (
      (await (await fetch(`${first.baseUrl}${path_}`, { headers: auth })).json()) as { metadata: { version: number } }
    ).metadata.version;
    const url = (await (
      await fetch(`${first.baseUrl}${path_}/update/uploadurl`, {
        method: 'POST',
        headers: auth,
        body: '{"contentLengthBytes":1000}',
      })
    ).json()) as {
      url: string;
      uploadKey: string;
      headers: Record<string, string>;
    };
    await putUpload(url.url, url.headers, { published: true, metadata: { version }, agentSchedules: [] });
    expect(
      (
        await fetch(`${first.baseUrl}${path_}/update`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ uploadKey: url.uploadKey }),
        })
      ).status,
    ).toBe(200);
    // Accepted, then applied after the operation delay: the state file holds it once it landed.
    const schedule = first.runtime.org.businessUnits.get(first.businessUnitId)!.schedules.get(week.scheduleId)!;
    for (let i = 0; i < 100 && schedule.version === version; i++) await new Promise((r) => setTimeout(r, 10));
    await first.close();

    const second = await startSandbox(options);
    try {
      const schedule = second.runtime.org.businessUnits.get(second.businessUnitId)!.schedules.get(week.scheduleId)!;
      expect(schedule.published).toBe(true);
      expect(schedule.version).toBe(version + 1);
      expect(second.clientId).toBe(first.clientId);
    } finally {
      await second.close();
    }
  });

  it('refuses a corrupt state file with a message saying what to do', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pd-sandbox-')), 'org.json');
    writeFileSync(file, '{"format": "publish-desk-sandbox/1", "org": ');
    await expect(startSandbox({ stateFile: file })).rejects.toThrow(
      /not readable JSON .*move it aside or pass another --state/,
    );
  });
});
