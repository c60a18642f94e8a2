/**
 * The one contract between the console UI and the services in main, joined
 * from one file per domain. Every transport (Electron IPC, the loopback host,
 * a MessagePort) and the renderer bridge are typed from these maps, and the
 * name tables below are what the main side uses to refuse anything not in it.
 *
 * Domains still to come, each with its own file here: import (jobs).
 */
import type { z } from 'zod';
import { activityMethods } from './activity';
import { analysisEventNames, analysisMethods, type AnalysisEvents } from './analysis';
import { appEventNames, appMethods, type AppEvents } from './app';
import type { CallContext } from './common';
import { connectionsEventNames, connectionsMethods, type ConnectionsEvents } from './connections';
import type { MethodTypes } from './define';
import { editsEventNames, editsMethods, type EditsEvents } from './edits';
import { jobsEventNames, jobsMethods, type JobsEvents } from './jobs';
import { publishEventNames, publishMethods, type PublishEvents } from './publish';
import { schedulesEventNames, schedulesMethods, type SchedulesEvents } from './schedules';
import { scriptSessionsEventNames, scriptSessionsMethods, type ScriptSessionsEvents } from './script-sessions';
import { timelineMethods } from './timeline';

const methods = {
  ...appMethods,
  ...connectionsMethods,
  ...activityMethods,
  ...schedulesMethods,
  ...analysisMethods,
  ...jobsMethods,
  ...timelineMethods,
  ...editsMethods,
  ...scriptSessionsMethods,
  ...publishMethods,
};

/** Request/response methods: name → argument and result types. */
export type OpsMethods = MethodTypes<typeof methods>;
/** Events pushed from main to every connected window. */
export type OpsEvents = AppEvents &
  ConnectionsEvents &
  SchedulesEvents &
  AnalysisEvents &
  JobsEvents &
  EditsEvents &
  ScriptSessionsEvents &
  PublishEvents;

export type OpsMethodName = keyof OpsMethods;
export type OpsEventName = keyof OpsEvents;
export type OpsArgs<M extends OpsMethodName> = OpsMethods[M]['args'];
export type OpsResult<M extends OpsMethodName> = OpsMethods[M]['result'];

/** The shape the handlers must satisfy together: one async function per method. */
export type OpsApi = {
  [M in OpsMethodName]: (args: OpsArgs<M>, ctx: CallContext) => Promise<OpsResult<M>>;
};

/** Runtime argument schemas, one per method: the allow-list every transport checks before dispatching. */
export const opsArgsSchemas: { [M in OpsMethodName]: z.ZodType<OpsArgs<M>> } = Object.fromEntries(
  Object.entries(methods).map(([name, spec]) => [name, spec.args]),
) as unknown as { [M in OpsMethodName]: z.ZodType<OpsArgs<M>> };

const eventNameTable: { [E in OpsEventName]: true } = {
  ...appEventNames,
  ...connectionsEventNames,
  ...schedulesEventNames,
  ...analysisEventNames,
  ...jobsEventNames,
  ...editsEventNames,
  ...scriptSessionsEventNames,
  ...publishEventNames,
};

export const opsMethodNames = Object.keys(opsArgsSchemas) as OpsMethodName[];
export const opsEventNames = Object.keys(eventNameTable) as OpsEventName[];

export function isOpsMethodName(name: unknown): name is OpsMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(opsArgsSchemas, name);
}

export function isOpsEventName(name: unknown): name is OpsEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameTable, name);
}

export type { AppInfo, AppNotice, NoticeLevel } from './app';
export type { CallContext, FailureCategory, OpsErrorCode, OpsFailure, ShellMode, TransportKind } from './common';
export type { ConnectionDraft } from './connections';
export type { AuditQuery } from './activity';
export type { JobEvent, JobKind, JobProgress, JobResults, JobSnapshot, JobState, JobSubject } from './jobs';

export type OpsOutcome<M extends OpsMethodName> =
  { ok: true; result: OpsResult<M> } | { ok: false; error: import('./common').OpsFailure };
