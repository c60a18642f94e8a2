/**
 * The one contract between the console UI and the services in main.
 *
 * Every request/response method and every pushed event is declared here with
 * exact types. Both transports (Electron IPC and the loopback host) and the
 * renderer bridge are typed from these maps, and the runtime name tables
 * below are what the main side uses to refuse anything not in the contract.
 */
import { z } from 'zod';

/** Which transport carried the call: Electron IPC or the loopback host. */
export type TransportKind = 'ipc' | 'http';
/** Electron shell, or the same UI served to a browser by main/host. */
export type ShellMode = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  /** Where the mirror database and settings live on this machine. */
  dataDir: string;
  transport: TransportKind;
  mode: ShellMode;
  platform: string;
  /** Runtime versions, shown on the About panel for support requests. */
  versions: { node: string; electron: string | null; chrome: string | null };
  startedAt: string;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface AppNotice {
  level: NoticeLevel;
  message: string;
  /** ISO instant the notice was raised. */
  at: string;
}

/** Request/response methods: name → argument and result types. */
export interface OpsMethods {
  'app.info': { args: Record<string, never>; result: AppInfo };
}

/** Events pushed from main to every connected window. */
export interface OpsEvents {
  'app.notice': AppNotice;
}

export type OpsMethodName = keyof OpsMethods;
export type OpsEventName = keyof OpsEvents;
export type OpsArgs<M extends OpsMethodName> = OpsMethods[M]['args'];
export type OpsResult<M extends OpsMethodName> = OpsMethods[M]['result'];

/** What a handler learns about the call besides its arguments. */
export interface CallContext {
  transport: TransportKind;
}

/** The shape `createHandlers` must satisfy: one async function per method. */
export type OpsApi = {
  [M in OpsMethodName]: (args: OpsArgs<M>, ctx: CallContext) => Promise<OpsResult<M>>;
};

/**
 * Runtime argument schemas, one per method. The Record type makes the
 * compiler insist on exactly the contract's names, so this table doubles as
 * the allow-list the transports check before dispatching.
 */
export const opsArgsSchemas: { [M in OpsMethodName]: z.ZodType<OpsArgs<M>> } = {
  'app.info': z.object({}).strict() as z.ZodType<Record<string, never>>,
};

const eventNameTable: { [E in OpsEventName]: true } = {
  'app.notice': true,
};

export const opsMethodNames = Object.keys(opsArgsSchemas) as OpsMethodName[];
export const opsEventNames = Object.keys(eventNameTable) as OpsEventName[];

export function isOpsMethodName(name: unknown): name is OpsMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(opsArgsSchemas, name);
}

export function isOpsEventName(name: unknown): name is OpsEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameTable, name);
}

/** Error codes a call can fail with on either transport. */
export type OpsErrorCode = 'unknownMethod' | 'badArguments' | 'forbidden' | 'failed';

/** The serialisable failure both transports return; never carries secrets. */
export interface OpsFailure {
  code: OpsErrorCode;
  message: string;
}

export type OpsOutcome<M extends OpsMethodName> =
  | { ok: true; result: OpsResult<M> }
  | { ok: false; error: OpsFailure };
