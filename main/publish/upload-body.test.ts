/** The update's body: the upload's JSON, gzipped once per content. */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { uploadFor } from '../../shared/publish/machine';
import { confirming, sent } from '../../test/publish/machine-kit';
import { createUploadBodies, uploadJson } from './upload-body';

describe('the upload body', () => {
  it('is the JSON of the whole upload', () => {
    const upload = uploadFor(sent(confirming()).state);
    expect(upload.agentSchedules).toHaveLength(2);
    expect(uploadJson(upload)).toBe(JSON.stringify(upload));
    const bare = { metadata: { version: 1 }, agentSchedules: [] };
    expect(uploadJson(bare)).toBe(JSON.stringify(bare));
  });

  it('is built again only when the content changes', async () => {
    const state = sent(confirming()).state;
    const bodies = createUploadBodies();
    const first = await bodies(uploadFor(state));
    expect(JSON.parse(gunzipSync(first).toString('utf8'))).toEqual(uploadFor(state));
    // A resend of the same state: the same body, not a new one.
    expect(await bodies(uploadFor(state))).toBe(first);
    // The same agents at a schedule version that moved: the new version is in the body.
    const moved = { ...state, schedule: { ...state.schedule, version: 11 } };
    const second = await bodies(uploadFor(moved));
    expect(second).not.toBe(first);
    expect(JSON.parse(gunzipSync(second).toString('utf8'))).toEqual(uploadFor(moved));
    expect(JSON.parse(gunzipSync(second).toString('utf8')).metadata).toEqual({ version: 11 });
  });

  it('built ahead (while a wait runs out) is the one the attempt sends, even if still being gzipped', async () => {
    const state = sent(confirming()).state;
    const bodies = createUploadBodies();
    const ahead = bodies(uploadFor(state));
    const attempt = bodies(uploadFor({ ...state, attempt: state.attempt + 1 }));
    expect(await attempt).toBe(await ahead);
  });
});
