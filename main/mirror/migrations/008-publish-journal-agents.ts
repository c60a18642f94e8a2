/** Migration 008: the publish journal's agents, one row each (issue 15 speed). Never edit after release; add a new migration. */
export default `
-- Each agent of a publish's state (PublishState.agents[agent_id], as JSON),
-- in the state's order (ord). A commit rewrites only the agents its
-- transition changed, in the same transaction as publish_jobs.state_json,
-- which then holds the rest of the state with "agents": {}. Rewriting the
-- whole state of a 1,000-agent publish before every call cost seconds.
-- A job with no rows here keeps its agents in state_json (a journal
-- written before this migration); its next commit moves them here.
CREATE TABLE publish_job_agents (
  job_id      TEXT NOT NULL REFERENCES publish_jobs (id) ON DELETE CASCADE,
  agent_id    TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  agent_json  TEXT NOT NULL,
  PRIMARY KEY (job_id, agent_id)
) WITHOUT ROWID;
`;
