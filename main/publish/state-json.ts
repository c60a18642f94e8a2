/**
 * The journaled state in two parts (migration 008): `publish_jobs.state_json` holds everything but the agents,
 * `publish_job_agents` one row per agent. A transition replaces only the agent objects it changes (the machine
 * is pure and shares the rest), so a commit rewrites only those rows; stringifying and writing a 1,000-agent
 * state whole before every call cost seconds of a publish. Each agent's JSON is kept with its object, its
 * weeks' repeated shifts written once (agent-row-codec.ts).
 */
import type Database from 'better-sqlite3';
import type { PublishAgent, PublishState } from '../../shared/publish/machine-state';
import { prepared } from '../mirror/statement-cache';
import { agentFromRow, agentRowText } from './agent-row-codec';

const agentJson = new WeakMap<PublishAgent, string>();

function jsonOf(agent: PublishAgent): string {
  let text = agentJson.get(agent);
  if (text === undefined) {
    text = agentRowText(agent);
    agentJson.set(agent, text);
  }
  return text;
}

/** `state_json`: the state with its agents left to their rows. */
export const stateHeadJson = (state: PublishState): string => JSON.stringify({ ...state, agents: {} });

export function createAgentRows(db: Database.Database) {
  const sql = (text: string) => prepared(db, text);
  /** Per job, the agents record whose agents the rows hold (as last written or read), and its order. */
  const onDisk = new Map<string, { ids: string[]; agents: PublishState['agents'] }>();

  return {
    /** Inside the commit's transaction: the rows of the agents that differ from what the rows hold. */
    write(jobId: string, agents: PublishState['agents']): void {
      const prev = onDisk.get(jobId);
      if (prev?.agents === agents) return;
      const ids = Object.keys(agents);
      const sameOrder =
        prev !== undefined && prev.ids.length === ids.length && prev.ids.every((id, i) => id === ids[i]);
      if (sameOrder) {
        const update = sql('UPDATE publish_job_agents SET agent_json = ? WHERE job_id = ? AND agent_id = ?');
        for (const id of ids) if (prev.agents[id] !== agents[id]) update.run(jsonOf(agents[id]!), jobId, id);
      } else {
        sql('DELETE FROM publish_job_agents WHERE job_id = ?').run(jobId);
        const insert = sql('INSERT INTO publish_job_agents (job_id, agent_id, ord, agent_json) VALUES (?, ?, ?, ?)');
        ids.forEach((id, i) => insert.run(jobId, id, i, jsonOf(agents[id]!)));
      }
      onDisk.set(jobId, { ids, agents });
    },
    /** After a rolled-back commit: what the rows hold is not known, so the next commit writes them all. */
    forget(jobId: string): void {
      onDisk.delete(jobId);
    },
    /** The rows' agents in order, parsed; null when the job has none (its agents are in `state_json`). */
    read(jobId: string): Record<string, unknown> | null {
      const rows = sql('SELECT agent_id, agent_json FROM publish_job_agents WHERE job_id = ? ORDER BY ord').all(
        jobId,
      ) as Array<{ agent_id: string; agent_json: string }>;
      if (rows.length === 0) return null;
      return Object.fromEntries(rows.map((r) => [r.agent_id, agentFromRow(JSON.parse(r.agent_json))]));
    },
    /** A state read from the journal: its agents are what the rows hold (or will, on its next commit). */
    known(jobId: string, state: PublishState, fromRows: boolean): void {
      if (fromRows) onDisk.set(jobId, { ids: Object.keys(state.agents), agents: state.agents });
      else onDisk.delete(jobId);
    },
  };
}
