/**
 * The numbered migrations, in order. Each is one file of SQL (a TypeScript
 * module holding the SQL text, so every runtime – Vite, esbuild, tsx – loads
 * it alike), applied once in a transaction and recorded with its hash:
 * editing one after release is an error, never a silent drift. Add new files
 * at the end; never edit old ones.
 */
import type Database from 'better-sqlite3';
import m001 from './001-connections';
import m002 from './002-mirror';
import m003 from './003-analysis';
import m004 from './004-timeline-weeks';
import m005 from './005-staffing-requirements';
import m006 from './006-pending-edits';
import m007 from './007-publish-journal';
import m008 from './008-publish-journal-agents';
import { rebuildTimelineWeeks } from '../timeline/weeks';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  /**
   * Data the SQL alone cannot derive (e.g. packed blobs), filled in by code in
   * the same transaction, after the SQL. The hash covers the SQL only.
   */
  backfill?: (db: Database.Database) => void;
}

export const migrations: Migration[] = [
  { id: 1, name: '001-connections', sql: m001 },
  { id: 2, name: '002-mirror', sql: m002 },
  { id: 3, name: '003-analysis', sql: m003 },
  { id: 4, name: '004-timeline-weeks', sql: m004, backfill: rebuildTimelineWeeks },
  { id: 5, name: '005-staffing-requirements', sql: m005 },
  { id: 6, name: '006-pending-edits', sql: m006 },
  { id: 7, name: '007-publish-journal', sql: m007 },
  { id: 8, name: '008-publish-journal-agents', sql: m008 },
];
