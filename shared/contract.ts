/**
 * The one contract between the console UI and the services in main.
 *
 * Every request/response method and every pushed event is declared here with
 * exact types. Both transports (Electron IPC and the loopback host) and the
 * renderer bridge are typed from these maps, and the runtime name tables
 * below are what the main side uses to refuse anything not in the contract.
 */
import { z } from 'zod';
import type { AuditQuery, AuditRow } from './activity';
import { isCalendarDate } from './business-week';
import type { ConnectionDraft, ConnectionStatus, RegionOption, VaultStatus } from './connections';
import type { AnalysisUpdate, WeekAnalysis } from './analysis/week-analysis';
import type { SchedulesOverview, SyncProgress, SyncRunSummary, WeekSummary } from './mirror';

/** Which transport carried the call: Electron IPC or the loopback host. */
export type TransportKind = 'ipc' | 'http';
/** Electron shell, the same UI served to a browser by main/host, or the headless CLI. */
export type ShellMode = 'electron' | 'browser' | 'cli';

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
  /** Set when the database could not be read at start: where the old file was moved. A resync rebuilds the mirror. */
  databaseMovedAside: string | null;
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
  'connection.regions': { args: Record<string, never>; result: RegionOption[] };
  'connection.list': { args: Record<string, never>; result: ConnectionStatus[] };
  'connection.save': { args: ConnectionDraft; result: ConnectionStatus };
  'connection.remove': { args: { id: string }; result: { removed: boolean } };
  /** Signs in if needed and reads the org: proves the profile works. */
  'connection.test': { args: { id: string }; result: ConnectionStatus };
  'connection.signIn': { args: { id: string }; result: ConnectionStatus };
  'connection.cancelSignIn': { args: { id: string }; result: { cancelled: boolean } };
  'connection.signOut': { args: { id: string }; result: ConnectionStatus };
  'vault.status': { args: Record<string, never>; result: VaultStatus };
  'activity.list': { args: AuditQuery; result: { rows: AuditRow[]; total: number } };
  /** Business units mirrored for a connection (and whether it is offline). */
  'schedules.overview': { args: { profileId: string }; result: SchedulesOverview };
  /** Lists the org's business units from Genesys Cloud into the mirror. */
  'schedules.discover': { args: { profileId: string }; result: SchedulesOverview };
  'schedules.weeks': { args: { profileId: string; businessUnitId: string }; result: { weeks: WeekSummary[]; lastSync: SyncRunSummary | null } };
  /**
   * Mirrors weeks of a business unit: the given `weeks`, or `weekCount` weeks from the current one
   * (default 3: this week and the next two). Progress comes as `sync.progress`.
   */
  'sync.start': { args: { profileId: string; businessUnitId: string; weeks?: string[]; weekCount?: number }; result: SyncRunSummary };
  'sync.cancel': { args: { profileId: string; businessUnitId: string }; result: { cancelled: boolean } };
  /** The week's findings from the mirror: the stored ones, or a fresh run with `rerun`. Works offline. */
  'analysis.run': { args: { profileId: string; businessUnitId: string; week: string; rerun?: boolean }; result: WeekAnalysis };
}

/** Events pushed from main to every connected window. */
export interface OpsEvents {
  'app.notice': AppNotice;
  /** A connection's sign-in state, org or error changed: re-read `connection.list`. */
  'connection.changed': { id: string };
  /** The session of this profile ended: ask the supervisor to sign in again, keep their place. */
  'auth.required': { profileId: string; profileName: string; reason: string };
  'sync.progress': SyncProgress;
  /** Sync wrote these mirror tables: views showing them re-read. */
  'mirror.changed': { profileId: string; businessUnitId: string; tables: string[] };
  /** A sync changed a week and its analysis ran again. */
  'analysis.updated': AnalysisUpdate;
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
const noArgs = z.object({}).strict() as z.ZodType<Record<string, never>>;
const byId = z.object({ id: z.string().min(1).max(200) }).strict();
/** A week is named by its first day; whether it is this unit's first day is checked where the unit is known. */
const weekDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A week is its first day, yyyy-MM-dd')
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date on the calendar` });
const businessUnitOf = z.object({ profileId: z.string().min(1).max(200), businessUnitId: z.string().min(1).max(200) }).strict();

const connectionDraft = z
  .object({
    id: z.string().min(1).max(200).optional(),
    name: z.string().trim().min(1, 'Give the connection a name').max(100),
    kind: z.enum(['region', 'custom']),
    region: z.string().min(1).max(100).optional(),
    baseUrl: z
      .string()
      .url('The base URL must be a full URL, e.g. https://api.mypurecloud.com')
      .refine((u) => /^https?:\/\//.test(u), 'The base URL must start with https:// (or http:// for a local sandbox)')
      .optional(),
    grantType: z.enum(['client_credentials', 'authorization_code']),
    clientId: z.string().trim().min(1, 'Enter the OAuth client id').max(200),
    clientSecret: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((d) => (d.kind === 'region' ? !!d.region : !!d.baseUrl), { message: 'Choose a region, or enter a base URL' });

export const opsArgsSchemas: { [M in OpsMethodName]: z.ZodType<OpsArgs<M>> } = {
  'app.info': noArgs,
  'connection.regions': noArgs,
  'connection.list': noArgs,
  'connection.save': connectionDraft,
  'connection.remove': byId,
  'connection.test': byId,
  'connection.signIn': byId,
  'connection.cancelSignIn': byId,
  'connection.signOut': byId,
  'vault.status': noArgs,
  'activity.list': z
    .object({
      profileId: z.string().max(200).optional(),
      outcome: z.enum(['all', 'ok', 'failed']).optional(),
      search: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0),
    })
    .strict(),
  'schedules.overview': z.object({ profileId: z.string().min(1).max(200) }).strict(),
  'schedules.discover': z.object({ profileId: z.string().min(1).max(200) }).strict(),
  'schedules.weeks': businessUnitOf,
  'sync.start': businessUnitOf
    .extend({
      weeks: z.array(weekDate).min(1).max(12).optional(),
      weekCount: z.number().int().min(1, 'Sync at least one week').max(12, 'Sync at most 12 weeks at a time').optional(),
    })
    .strict(),
  'sync.cancel': businessUnitOf,
  'analysis.run': businessUnitOf
    .extend({ week: weekDate, rerun: z.boolean().optional() })
    .strict(),
};

const eventNameTable: { [E in OpsEventName]: true } = {
  'app.notice': true,
  'connection.changed': true,
  'auth.required': true,
  'sync.progress': true,
  'mirror.changed': true,
  'analysis.updated': true,
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

/**
 * What kind of trouble a failed call was, so a UI, the host's HTTP status and the CLI's exit code can act on it:
 * - `badInput`: the request was wrong (a name, a date, a week): fix it (exit 2, HTTP 400);
 * - `auth`: sign in again, or supply the secret (exit 3, HTTP 401);
 * - `conflict`: someone else changed it, or it is busy: re-read and retry (exit 4, HTTP 409);
 * - `unavailable`: Genesys Cloud cannot be reached or is overloaded: wait and retry (exit 5, HTTP 503);
 * - `invalid`: Genesys Cloud refused the request as invalid (exit 1, HTTP 422);
 * - `storage`: the data folder or the vault on this machine cannot be used (exit 6, HTTP 500);
 * - `internal`: a fault in Publish Desk itself (exit 1, HTTP 500).
 */
export type FailureCategory = 'badInput' | 'auth' | 'conflict' | 'unavailable' | 'invalid' | 'storage' | 'internal';

/** The serialisable failure both transports return; never carries secrets. */
export interface OpsFailure {
  code: OpsErrorCode;
  message: string;
  category?: FailureCategory;
}

export type OpsOutcome<M extends OpsMethodName> =
  | { ok: true; result: OpsResult<M> }
  | { ok: false; error: OpsFailure };
