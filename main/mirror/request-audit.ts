/** The Activity log's store: one row per request attempt, newest first. */
import type Database from 'better-sqlite3';
import type { AuditQuery, AuditRow } from '../../shared/activity';
import type { AuditEntry, AuditSink } from '../genesys/types';

export function createAuditRepository(db: Database.Database) {
  const insert =
    db.prepare(`INSERT INTO request_audit (at, profile_id, method, path_template, status, duration_ms, attempt, context_id, error_kind)
    VALUES (@at, @profileId, @method, @pathTemplate, @status, @durationMs, @attempt, @contextId, @errorKind)`);
  const sink: AuditSink = { record: (entry: AuditEntry) => void insert.run(entry) };
  return {
    sink,
    query(q: AuditQuery): { rows: AuditRow[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (q.profileId) {
        where.push('profile_id = @profileId');
        params.profileId = q.profileId;
      }
      if (q.outcome === 'failed') where.push('(status IS NULL OR status >= 400)');
      if (q.outcome === 'ok') where.push('status < 400');
      if (q.search) {
        where.push("(path_template LIKE @search ESCAPE '\\' OR context_id LIKE @search ESCAPE '\\')");
        params.search = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM request_audit ${clause}`).get(params) as { n: number }).n;
      const rows = db
        .prepare(
          `SELECT id, at, profile_id AS profileId, method, path_template AS pathTemplate, status, duration_ms AS durationMs,
             attempt, context_id AS contextId, error_kind AS errorKind
           FROM request_audit ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: q.limit, offset: q.offset }) as AuditRow[];
      return { rows, total };
    },
  };
}
