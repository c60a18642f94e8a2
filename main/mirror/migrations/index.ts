/**
 * The numbered migrations, in order. Each is a SQL file applied once, in a
 * transaction, and recorded with its hash: editing one after release is an
 * error, never a silent drift. Add new files at the end; never edit old ones.
 */
import m001 from './001-connections.sql';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [{ id: 1, name: '001-connections', sql: m001 }];
