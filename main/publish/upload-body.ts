/**
 * The gzipped body of an update upload, built once per content: a resend of the same upload (after a 429, a
 * 5xx, a backoff) sends the body built for it, and a new attempt whose agents did not change (only the
 * schedule's version moved) stringifies only the version again. Building and gzipping 1,000 agents cost about
 * a second per attempt.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Models } from 'purecloud-platform-client-v2';

const gzipAsync = promisify(gzip);
/** Each agent-entries array's JSON: the machine hands the same array while the agents to send stay the same. */
const entriesJson = new WeakMap<object, string>();

/** The upload's JSON: what `JSON.stringify(upload)` gives with `agentSchedules` as its last key. */
export function uploadJson(upload: Models.UpdateScheduleUploadSchema): string {
  const { agentSchedules = [], ...rest } = upload;
  let entries = entriesJson.get(agentSchedules);
  if (entries === undefined) {
    entries = JSON.stringify(agentSchedules);
    entriesJson.set(agentSchedules, entries);
  }
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}"agentSchedules":${entries}}`;
}

/** One run's bodies: the last one built is kept, and given again while the content is the same. */
export function createUploadBodies() {
  // The promise is kept, so an attempt that comes while its body is still being gzipped ahead waits for that one.
  let last: { json: string; gzipped: Promise<Buffer> } | null = null;
  return (upload: Models.UpdateScheduleUploadSchema): Promise<Buffer> => {
    const json = uploadJson(upload);
    if (last?.json !== json) {
      const entry = { json, gzipped: gzipAsync(Buffer.from(json, 'utf8')) };
      entry.gzipped.catch(() => {
        if (last === entry) last = null;
      });
      last = entry;
    }
    return last.gzipped;
  };
}
