/**
 * A sync in its own process, for the killed-sync test: prints every progress
 * event as one JSON line, so the parent can SIGKILL it at a chosen moment.
 *   node --import tsx test/mirror/sync-child.ts <dataDir> <baseUrl> <clientId> <clientSecret> <businessUnitId> <nowIso> [pauseAfterActivities]
 * With pauseAfterActivities, the child stops dead inside the schedule write
 * after that many activity rows and says so ({"midWrite": n}): a kill then
 * lands in an open transaction for certain, not by timing luck.
 */
import { writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../main/mirror/database';
import { syncBusinessUnit } from '../../main/mirror/sync/sync-business-unit';
import { genesysClient } from './genesys-client';

const [dataDir, baseUrl, clientId, clientSecret, businessUnitId, nowIso, pauseArg] = process.argv.slice(2);
if (!nowIso) {
  console.error(
    'usage: sync-child.ts <dataDir> <baseUrl> <clientId> <clientSecret> <businessUnitId> <nowIso> [pauseAfterActivities]',
  );
  process.exit(2);
}

/** The database, with activity inserts counted; at the threshold the process blocks (synchronously, inside the transaction). */
function pausingMidWrite(db: Database.Database, after: number): Database.Database {
  let inserted = 0;
  const prepare = (sql: string) => {
    const statement = db.prepare(sql);
    if (!sql.includes('INSERT INTO activities')) return statement;
    return new Proxy(statement, {
      get: (target, prop) =>
        prop === 'run'
          ? (...args: unknown[]) => {
              if (++inserted === after) {
                writeSync(1, `${JSON.stringify({ midWrite: inserted })}\n`);
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
              }
              return target.run(...args);
            }
          : Reflect.get(target, prop, target),
    });
  };
  return new Proxy(db, { get: (target, prop) => (prop === 'prepare' ? prepare : Reflect.get(target, prop, target)) });
}

const opened = openDatabase(dataDir!).db;
const db = pauseArg ? pausingMidWrite(opened, Number(pauseArg)) : opened;
const client = genesysClient({ baseUrl: baseUrl!, clientId: clientId!, clientSecret: clientSecret! });
const result = await syncBusinessUnit({
  db,
  api: client.api,
  profileId: 'sandbox',
  businessUnitId: businessUnitId!,
  now: () => new Date(nowIso),
  onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`),
  requestCount: client.tally.total,
});
process.stdout.write(`${JSON.stringify({ finished: result.status })}\n`);
client.close();
opened.close();
