/**
 * The publish journal in SQLite (migration 007): each publish's machine
 * state and its step timeline. Every write of the engine is one transaction
 * holding the new state AND the steps that go with it, made before the
 * effects of that transition run: a call is on disk (status `sent`) before
 * it goes out, and a crash leaves state and steps in step with each other.
 */
import type Database from 'better-sqlite3';
import type { PublishStep, PublishStepKind } from '../../shared/contract/publish';
import { parsePublishState } from '../../shared/publish/machine';
import type { PublishPhase, PublishState } from '../../shared/publish/machine-state';
import { prepared } from '../mirror/statement-cache';
import { createAgentRows, stateHeadJson } from './state-json';

export type PublishOutcome = 'done' | 'failed' | 'cancelled';

export interface PublishJobRow {
  id: string;
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  phase: PublishPhase;
  createdAt: string;
  updatedAt: string;
  outcome: PublishOutcome | null;
  runJobId: string | null;
}

/** A new step, as the engine writes it before acting. */
export interface NewStep {
  kind: PublishStepKind;
  phase: PublishPhase;
  attempt: number | null;
  request: string;
  status: PublishStep['status'];
  waitReason?: PublishStep['waitReason'];
  waitUntil?: string | null;
  note?: string;
}

/** What came of a step written earlier. */
export interface StepAnswer {
  seq: number;
  status: 'answered' | 'done';
  answeredAt: string | null;
  httpStatus?: number | null;
  contextId?: string | null;
  note?: string;
}

const jobColumns = `id, profile_id AS profileId, business_unit_id AS businessUnitId, schedule_id AS scheduleId,
  week_date AS week, phase, created_at AS createdAt, updated_at AS updatedAt, outcome, run_job_id AS runJobId`;

const stepColumns = `seq, at, answered_at AS answeredAt, phase, kind, attempt, request, status, http_status AS httpStatus,
  context_id AS contextId, wait_reason AS waitReason, wait_until AS waitUntil, note`;

export function createPublishJournal(db: Database.Database) {
  const sql = (text: string) => prepared(db, text);
  /**
   * Each job's state as last committed or read: the journal is its only writer, so this is what state_json
   * holds. A view asked for every few hundred ms would otherwise parse and check a 1,000-agent state each time,
   * on the thread the engine runs on (seconds of a publish's wall time).
   */
  const latest = new Map<string, PublishState>();
  const agentRows = createAgentRows(db);
  /**
   * `PRAGMA data_version` moves when another connection commits (the CLI in another process on the same data
   * folder publishing, say): then what this journal remembers may be behind, and is read again.
   */
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let seenVersion: unknown = dataVersion.get();
  function othersWrote(): boolean {
    const v = dataVersion.get();
    if (v === seenVersion) return false;
    seenVersion = v;
    latest.clear();
    return true;
  }

  function insertSteps(jobId: string, at: string, steps: readonly NewStep[]): number[] {
    let seq = sql('SELECT coalesce(max(seq), 0) FROM publish_steps WHERE job_id = ?').pluck().get(jobId) as number;
    const insert = sql(`INSERT INTO publish_steps (job_id, seq, at, phase, kind, attempt, request, status, wait_reason,
      wait_until, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    return steps.map((s) => {
      seq += 1;
      insert.run(
        jobId,
        seq,
        at,
        s.phase,
        s.kind,
        s.attempt,
        s.request,
        s.status,
        s.waitReason ?? null,
        s.waitUntil ?? null,
        s.note ?? '',
      );
      return seq;
    });
  }

  function answerSteps(jobId: string, answers: readonly StepAnswer[]): void {
    const update = sql(`UPDATE publish_steps SET status = ?, answered_at = ?, http_status = coalesce(?, http_status),
      context_id = coalesce(?, context_id), note = CASE WHEN ? = '' THEN note ELSE ? END WHERE job_id = ? AND seq = ?`);
    for (const a of answers) {
      const note = a.note ?? '';
      update.run(a.status, a.answeredAt, a.httpStatus ?? null, a.contextId ?? null, note, note, jobId, a.seq);
    }
  }

  const createTx = db.transaction(
    (job: Omit<PublishJobRow, 'phase' | 'updatedAt' | 'outcome'>, state: PublishState): void => {
      sql(`INSERT INTO publish_jobs (id, profile_id, business_unit_id, schedule_id, week_date, state_json, phase,
        created_at, updated_at, run_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        job.id,
        job.profileId,
        job.businessUnitId,
        job.scheduleId,
        job.week,
        stateHeadJson(state),
        state.phase,
        job.createdAt,
        job.createdAt,
        job.runJobId,
      );
      agentRows.write(job.id, state.agents);
    },
  );

  /** The state after a transition, with its steps: one transaction. Answers the new steps' seqs. */
  const commitTx = db.transaction(
    (
      jobId: string,
      state: PublishState,
      at: string,
      steps: readonly NewStep[],
      answers: readonly StepAnswer[],
      outcome: PublishOutcome | null = null,
    ): number[] => {
      answerSteps(jobId, answers);
      const seqs = insertSteps(jobId, at, steps);
      sql(`UPDATE publish_jobs SET state_json = ?, phase = ?, updated_at = ?, outcome = coalesce(?, outcome)
        WHERE id = ?`).run(stateHeadJson(state), state.phase, at, outcome, jobId);
      agentRows.write(jobId, state.agents);
      return seqs;
    },
  );

  return {
    create(job: Omit<PublishJobRow, 'phase' | 'updatedAt' | 'outcome'>, state: PublishState): void {
      try {
        createTx(job, state);
      } catch (err) {
        agentRows.forget(job.id);
        throw err;
      }
      latest.set(job.id, state);
    },
    /** The state after a transition, with its steps: one transaction. Answers the new steps' seqs. */
    commit(
      jobId: string,
      state: PublishState,
      at: string,
      steps: readonly NewStep[],
      answers: readonly StepAnswer[],
      outcome: PublishOutcome | null = null,
    ): number[] {
      let seqs: number[];
      // Rows another connection may have written are not what this journal remembers: write them all.
      if (othersWrote()) agentRows.forget(jobId);
      try {
        seqs = commitTx(jobId, state, at, steps, answers, outcome);
      } catch (err) {
        agentRows.forget(jobId);
        throw err;
      }
      // Only once the transaction holds: a rolled-back commit leaves the state before it.
      latest.set(jobId, state);
      return seqs;
    },
    job(jobId: string): PublishJobRow | null {
      return (sql(`SELECT ${jobColumns} FROM publish_jobs WHERE id = ?`).get(jobId) as PublishJobRow) ?? null;
    },
    /** The job a run's registry id belongs to. */
    byRun(runJobId: string): PublishJobRow | null {
      return (
        (sql(`SELECT ${jobColumns} FROM publish_jobs WHERE run_job_id = ?`).get(runJobId) as PublishJobRow) ?? null
      );
    },
    /** The journaled state, checked (a damaged one is refused with a clear storage error, and kept). */
    state(jobId: string): PublishState {
      othersWrote();
      const known = latest.get(jobId);
      if (known) return known;
      const text = sql('SELECT state_json FROM publish_jobs WHERE id = ?').pluck().get(jobId) as string | undefined;
      let raw: unknown = null;
      let agents: Record<string, unknown> | null = null;
      try {
        raw = text === undefined ? null : JSON.parse(text);
        agents = agentRows.read(jobId);
        if (agents && raw && typeof raw === 'object') raw = { ...raw, agents };
      } catch {
        raw = null;
      }
      const state = parsePublishState(raw);
      agentRows.known(jobId, state, agents !== null);
      latest.set(jobId, state);
      return state;
    },
    steps(jobId: string): PublishStep[] {
      return sql(`SELECT ${stepColumns} FROM publish_steps WHERE job_id = ? ORDER BY seq`).all(jobId) as PublishStep[];
    },
    lastSeq(jobId: string): number {
      return sql('SELECT coalesce(max(seq), 0) FROM publish_steps WHERE job_id = ?').pluck().get(jobId) as number;
    },
    /** Steps written but never answered: the calls a crash interrupted. */
    openSteps(jobId: string): number[] {
      return sql(`SELECT seq FROM publish_steps WHERE job_id = ? AND status IN ('sent', 'waiting') ORDER BY seq`)
        .pluck()
        .all(jobId) as number[];
    },
    unfinished(): PublishJobRow[] {
      return sql(
        `SELECT ${jobColumns} FROM publish_jobs WHERE outcome IS NULL ORDER BY created_at`,
      ).all() as PublishJobRow[];
    },
    unfinishedOf(profileId: string, businessUnitId: string, scheduleId: string): PublishJobRow | null {
      return (
        (sql(`SELECT ${jobColumns} FROM publish_jobs WHERE outcome IS NULL AND profile_id = ? AND business_unit_id = ?
          AND schedule_id = ? ORDER BY created_at DESC LIMIT 1`).get(
          profileId,
          businessUnitId,
          scheduleId,
        ) as PublishJobRow) ?? null
      );
    },
    /** The latest publish of a schedule, whatever its outcome. */
    latestOf(profileId: string, businessUnitId: string, scheduleId: string): PublishJobRow | null {
      return (
        (sql(`SELECT ${jobColumns} FROM publish_jobs WHERE profile_id = ? AND business_unit_id = ?
          AND schedule_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`).get(
          profileId,
          businessUnitId,
          scheduleId,
        ) as PublishJobRow) ?? null
      );
    },
    setRun(jobId: string, runJobId: string | null): void {
      sql('UPDATE publish_jobs SET run_job_id = ? WHERE id = ?').run(runJobId, jobId);
    },
    /** Reopens an ended publish (a retry of a failed one): it is unfinished again, so a restart resumes it. */
    reopen(jobId: string): void {
      sql(`UPDATE publish_jobs SET outcome = NULL WHERE id = ? AND outcome = 'failed'`).run(jobId);
    },
    list(filter: { profileId?: string; businessUnitId?: string }, limit = 50): PublishJobRow[] {
      return sql(`SELECT ${jobColumns} FROM publish_jobs WHERE (@p IS NULL OR profile_id = @p)
        AND (@b IS NULL OR business_unit_id = @b) ORDER BY created_at DESC LIMIT @limit`).all({
        p: filter.profileId ?? null,
        b: filter.businessUnitId ?? null,
        limit,
      }) as PublishJobRow[];
    },
  };
}

export type PublishJournal = ReturnType<typeof createPublishJournal>;
