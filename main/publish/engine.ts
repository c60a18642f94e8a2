/**
 * The publish engine: runs the pure machine (shared/publish/machine.ts) and
 * keeps its contract (machine-effects.ts). For every transition, in order:
 * 1. the new state and the transition's steps (each call journaled as
 *    `sent`, each wait with its countdown, a decision, the answer of the call
 *    before) are committed in ONE transaction, before any effect runs;
 * 2. the effects run one by one, and a call's answer is fed back as the
 *    machine's event with the engine's clock.
 * So a kill at any point leaves a journal whose state says what was in
 * flight; the next engine feeds `resume`, and the machine reconciles by
 * re-reading rather than sending anything twice.
 *
 * Events are handled one at a time (the supervisor's clicks queue behind the
 * answer being handled). A wait is a timer that feeds `waited`; pacing waits
 * before its call. Held agents' sessions are polled while the machine watches.
 */
import type { Finding, PublishPhase, PublishState } from '../../shared/publish/machine-state';
import type { PublishEffect, PublishNotice } from '../../shared/publish/machine-effects';
import type { HttpOutcome, PublishEvent } from '../../shared/publish/machine-events';
import { publishTransition, uploadFor } from '../../shared/publish/machine';
import type { GenesysCalls } from './genesys-calls';
import type { PublishJournal, PublishOutcome, StepAnswer } from './journal';
import { answerNote, decisionOf, stepsOf } from './steps-of';

export interface EnginePorts {
  calls: GenesysCalls;
  /** Which of these agents are in an active scripted conversation now. */
  scriptSessions(agentIds: readonly string[]): Promise<{ outcome: HttpOutcome; activeAgentIds?: string[] }>;
  /** The findings on these agents' intended weeks (`state.agents[id].intended`). */
  analyse(state: PublishState, agentIds: readonly string[]): Promise<Finding[]>;
  now(): number;
  /** A timer; rejects or resolves early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** How often held agents' sessions are read again while watched. */
  watchEveryMs: number;
  /**
   * CPU work the next steps will need (the week's analysis, the next upload's body), done while a Retry-After
   * or a backoff runs out instead of after it. Only a head start: whatever it prepares is checked when used.
   */
  whileWaiting?: (state: PublishState) => void;
}

export interface EngineOptions {
  jobId: string;
  journal: PublishJournal;
  ports: EnginePorts;
  state: PublishState;
  /** After every commit: views re-read (`publish.changed`). */
  onChanged?: (seq: number, phase: PublishPhase) => void;
  onNotice?: (notice: PublishNotice) => void;
}

const ended = (phase: PublishPhase) => phase === 'done' || phase === 'failed';
const answerTypes = new Set([
  'reread',
  'scriptSessions',
  'analysed',
  'uploadUrl',
  'uploadPut',
  'updateAnswered',
  'operationEnded',
]);

export function createPublishEngine(opts: EngineOptions) {
  const { journal, ports, jobId } = opts;
  let state = opts.state;
  const abort = new AbortController();
  let chain: Promise<void> = Promise.resolve();
  /** The journal step of the call whose answer comes next; the open wait step. */
  let openCall: number | null = null;
  let openWait: number | null = null;
  let watching: string[] | null = null;
  let heldReady: string[] = [];
  let failure: unknown = null;
  const listeners = new Set<() => void>();

  const iso = (ms: number) => new Date(ms).toISOString();

  function commit(ev: PublishEvent, before: PublishState, effects: readonly PublishEffect[]): number[] {
    const answers: StepAnswer[] = [];
    const at = ports.now();
    if (openCall !== null && answerTypes.has(ev.type)) {
      const record = answerNote(before, state);
      answers.push({
        seq: openCall,
        status: record ? 'answered' : 'done',
        answeredAt: iso(at),
        httpStatus: record?.status ?? null,
        contextId: record?.contextId ?? null,
        note: record?.note ?? (ev.type === 'analysed' ? `${ev.findings.length} finding(s)` : ''),
      });
      openCall = null;
    }
    if (openWait !== null && ev.type === 'waited') {
      answers.push({ seq: openWait, status: 'done', answeredAt: iso(at) });
      openWait = null;
    }
    if (ev.type === 'resume')
      for (const seq of journal.openSteps(jobId))
        answers.push({
          seq,
          status: 'done',
          answeredAt: null,
          note: 'Interrupted: the app stopped here; reconciled on resume.',
        });
    const decision = decisionOf(ev, state.phase);
    const steps = [...(decision ? [decision] : []), ...stepsOf(effects, state.phase)];
    const outcome: PublishOutcome | null = ended(state.phase) ? (state.phase as PublishOutcome) : null;
    const seqs = journal.commit(jobId, state, iso(at), steps, answers, outcome);
    opts.onChanged?.(journal.lastSeq(jobId), state.phase);
    return decision ? seqs.slice(1) : seqs;
  }

  /** One event through the machine, then its effects; answers are fed back until the machine waits. */
  async function handle(first: PublishEvent): Promise<void> {
    let next: PublishEvent | null = first;
    while (next && !abort.signal.aborted) {
      const ev: PublishEvent = next;
      next = null;
      const before = state;
      const t = publishTransition(state, ev);
      state = t.state;
      const seqs = commit(ev, before, t.effects);
      let s = 0;
      for (const effect of t.effects) {
        if (abort.signal.aborted) return;
        if (effect.type === 'journal') openCall = seqs[s++] ?? null;
        else if (effect.type === 'wait') {
          const seq = seqs[s++] ?? null;
          if (effect.reason === 'pacing') await ports.sleep(effect.ms, abort.signal);
          else {
            openWait = seq;
            timer(effect.ms);
            idle();
          }
        } else if (effect.type === 'emit') notice(effect.notice);
        else if (effect.type === 'watchScriptSessions') watch(effect.agentIds);
        else next = await perform(effect);
      }
    }
    if (state.phase !== 'held') watching = null;
    for (const l of listeners) l();
  }

  function notice(n: PublishNotice): void {
    if (n.kind === 'heldReady') heldReady = [...new Set([...heldReady, ...n.agentIds])];
    opts.onNotice?.(n);
  }

  async function perform(effect: PublishEffect): Promise<PublishEvent | null> {
    const at = ports.now;
    const { calls } = ports;
    switch (effect.type) {
      case 'reread':
        return calls.reread(effect.agentIds, effect.withHistory, (id) => state.agents[id]?.base.version, at);
      case 'checkScriptSessions': {
        const answer = await ports.scriptSessions(effect.agentIds);
        return { type: 'scriptSessions', at: at(), ...answer };
      }
      case 'analyse':
        return { type: 'analysed', at: at(), findings: await ports.analyse(state, effect.agentIds) };
      case 'requestUploadUrl':
        return calls.requestUploadUrl(effect.attempt, uploadFor(state), at);
      case 'putUpload':
        return calls.putUpload(effect.attempt, effect.url, effect.headers, at);
      case 'sendUpdate':
        return calls.sendUpdate(effect.attempt, effect.uploadKey, at);
      case 'awaitOperation':
        return calls.awaitOperation(effect.operationId, effect.version, at);
      default:
        return null;
    }
  }

  /** After this turn (its commit and listeners first): a failure here is only a head start lost. */
  function idle(): void {
    const work = ports.whileWaiting;
    if (!work) return;
    setImmediate(() => {
      if (abort.signal.aborted) return;
      try {
        work(state);
      } catch {
        // The same work is done again when a step needs it, and fails there with its own answer.
      }
    });
  }

  function timer(ms: number): void {
    ports.sleep(ms, abort.signal).then(
      () => !abort.signal.aborted && void send({ type: 'waited', at: ports.now() }),
      () => {},
    );
  }

  /** Polls the held agents' sessions; feeds the machine when the set of busy agents changes. */
  function watch(agentIds: string[]): void {
    const first = watching === null;
    watching = agentIds;
    if (!first) return;
    // null, not '': sessions that ended before the first read (nobody busy, key '') must still be told.
    let last: string | null = null;
    const poll = async (): Promise<void> => {
      while (watching && !abort.signal.aborted) {
        await ports.sleep(ports.watchEveryMs, abort.signal).catch(() => {});
        if (!watching || abort.signal.aborted) return;
        const answer = await ports.scriptSessions(watching).catch(() => null);
        if (!answer?.activeAgentIds) continue;
        const key = [...answer.activeAgentIds].sort().join(',');
        if (key === last) continue;
        last = key;
        await send({ type: 'scriptSessions', at: ports.now(), ...answer });
      }
    };
    void poll();
  }

  function send(ev: PublishEvent): Promise<void> {
    if (ev.type === 'releaseHeld') heldReady = heldReady.filter((id) => !ev.agentIds.includes(id));
    chain = chain.then(
      () => handle(ev),
      () => handle(ev),
    );
    // A fault of ours (not a Genesys answer) ends the run with a clear error; the journal keeps where it was.
    chain = chain.catch((err: unknown) => {
      failure = err;
      abort.abort();
      for (const l of listeners) l();
    });
    return chain;
  }

  return {
    jobId,
    send,
    get state() {
      return state;
    },
    get heldReady() {
      return heldReady;
    },
    get failure() {
      return failure;
    },
    /** Stops after the step being made (its journal stays as it is: a later engine resumes or reports it). */
    stop(): void {
      abort.abort();
      watching = null;
      for (const l of listeners) l();
    },
    get stopped() {
      return abort.signal.aborted;
    },
    /** Resolves when `until(state)` holds after an event, or the engine stopped. */
    until(pred: (s: PublishState) => boolean): Promise<PublishState> {
      return new Promise((resolve) => {
        const check = () => {
          if (pred(state) || abort.signal.aborted) {
            listeners.delete(check);
            resolve(state);
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

export type PublishEngine = ReturnType<typeof createPublishEngine>;
