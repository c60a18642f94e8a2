/**
 * The conflict analysis contract: what main (from the mirror) or the renderer
 * (from unsaved edits) hands in, and the findings it gets back. Plain data,
 * so the same shapes cross IPC and the CLI's JSON unchanged.
 */

export interface BusinessUnitInput {
  id: string;
  /** IANA zone, e.g. America/Chicago. */
  timeZone: string;
}

export interface ManagementUnitInput {
  id: string;
  name: string;
  timeZone: string;
}

export interface AgentInput {
  id: string;
  name: string;
  managementUnitId: string;
}

export interface ActivityCodeInput {
  id: string;
  name: string;
  /** Genesys category: OnQueueWork, Break, Meal, TimeOff, ... */
  category: string;
}

export interface ScheduleInput {
  id: string;
  /** First BU-local day of the schedule, yyyy-MM-dd. */
  weekDate: string;
  weekCount: number;
  published: boolean;
}

export interface ActivityInput {
  /** Instant with an offset (Genesys sends UTC, `...Z`). */
  startDate: string;
  lengthMinutes: number;
  activityCodeId: string;
}

export interface ShiftInput {
  id: string;
  scheduleId: string;
  agentId: string;
  /** Instant with an offset (Genesys sends UTC, `...Z`). */
  startDate: string;
  lengthMinutes: number;
  activities: ActivityInput[];
}

export interface FullDayTimeOffInput {
  agentId: string;
  scheduleId: string;
  /** BU-local date, yyyy-MM-dd. */
  businessUnitDate: string;
  /** Elapsed minutes from BU-local midnight of that date. */
  startOffsetMinutes: number;
  lengthMinutes: number;
}

export interface TimeOffRequestInput {
  id: string;
  agentId: string;
  /** PENDING | APPROVED | DENIED | CANCELED; only APPROVED blocks shifts. */
  status: string;
  isFullDay: boolean;
  /** Full-day requests: MU-local dates, yyyy-MM-dd. */
  fullDayDates: string[];
  /** Partial-day requests: instants. */
  partialStarts: string[];
  dailyDurationMinutes: number;
}

export interface ScriptSessionInput {
  agentId: string;
  conversationId: string;
  start: string;
  /** null while the conversation is still going. */
  end: string | null;
}

export interface AnalysisInput {
  businessUnit: BusinessUnitInput;
  managementUnits: ManagementUnitInput[];
  viewerTimeZone: string;
  agents: AgentInput[];
  activityCodes: ActivityCodeInput[];
  schedules: ScheduleInput[];
  shifts: ShiftInput[];
  fullDayTimeOff: FullDayTimeOffInput[];
  timeOffRequests: TimeOffRequestInput[];
  scriptSessions: ScriptSessionInput[];
  /** The analysis never reads the clock: "now" comes in. */
  now: string;
  /** Shifts that change in the publish being prepared; default: every shift of a draft schedule. */
  changedShiftIds?: string[];
}

/** These names are part of the CLI's JSON contract. */
export const findingKinds = [
  'shiftOverlap',
  'timeOffOverlap',
  'activityOverlap',
  'naiveUtcShift',
  'dstShift',
  'zoneMismatch',
  'scriptSession',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable across runs for the same data: a hash of the kind and the entities involved. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  agentId: string | null;
  scheduleId: string | null;
  /** UTC ISO instants of the conflicting span, when there is one. */
  start: string | null;
  end: string | null;
  /** Machine-readable facts behind the finding; `shiftIds` lists the shifts involved. */
  evidence: Record<string, unknown>;
  /** In the supervisor's words, in BU-local time with the zone abbreviation. */
  explanation: string;
  suggestedFix: string;
}
