/**
 * The sandbox org's memory. Internal shapes, close to Genesys Cloud's but
 * mutable and indexed; the route modules turn them into SDK `Models` types.
 * All instants are UTC ISO strings with milliseconds, as Genesys sends them.
 */

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Genesys permission strings, e.g. `wfm:schedule:edit`. */
  permissions: string[];
  grantTypes: Array<'client_credentials' | 'authorization_code'>;
  /** The user a code-grant token acts as (the supervisor). */
  userId?: string;
}

export interface SandboxUser {
  id: string;
  name: string;
  email: string;
  /** Set for agents; supervisors have none. */
  managementUnitId?: string;
  businessUnitId?: string;
}

export interface ManagementUnitState {
  id: string;
  name: string;
  businessUnitId: string;
  timeZone: string;
  startDayOfWeek: string;
  version: number;
}

export interface ActivityCodeState {
  id: string;
  name: string;
  /** Genesys category: OnQueueWork, Break, Meal, Meeting, Training, TimeOff, Unavailable, Unscheduled, OffQueueWork. */
  category: string;
  lengthInMinutes: number;
  countsAsPaidTime: boolean;
  countsAsWorkTime: boolean;
  agentTimeOffSelectable: boolean;
  defaultCode: boolean;
}

export interface ActivityState {
  startDate: string;
  lengthMinutes: number;
  activityCodeId: string;
  description: string;
  paid: boolean;
}

export interface ShiftState {
  id: string;
  startDate: string;
  lengthMinutes: number;
  activities: ActivityState[];
  manuallyEdited: boolean;
}

export interface FullDayTimeOffMarkerState {
  /** BU-local date, yyyy-MM-dd. */
  businessUnitDate: string;
  startOffsetMinutes: number;
  endOffsetMinutes: number;
  lengthMinutes: number;
  activityCodeId: string;
  description: string;
  paid: boolean;
  timeOffRequestId?: string;
}

export interface AgentScheduleState {
  userId: string;
  managementUnitId: string;
  version: number;
  shifts: ShiftState[];
  fullDayTimeOffMarkers: FullDayTimeOffMarkerState[];
  dateModified: string;
  /** Set through an update's `workPlanId` (a `ValueWrapperString`); the sandbox keeps no work plans beyond the id. */
  workPlanId?: string;
}

/** One write's change to an agent's schedule, as the agent history reports it. */
export interface AgentScheduleChangeState {
  dateModified: string;
  modifiedByUserId: string;
  /** Shifts and markers added or replaced, as they stood after the change. */
  shifts: ShiftState[];
  fullDayTimeOffMarkers: FullDayTimeOffMarkerState[];
  deletedShiftIds: string[];
  deletedMarkerDates: string[];
  /** The whole agent schedule was deleted. */
  deletedAgentSchedule: boolean;
}

/** Who changed an agent in a schedule, and when (`GET .../history/agents/{agentId}`). */
export interface AgentHistoryState {
  /** The agent's schedule before the first recorded change. */
  base: {
    dateModified: string;
    modifiedByUserId: string;
    shifts: ShiftState[];
    fullDayTimeOffMarkers: FullDayTimeOffMarkerState[];
  };
  changes: AgentScheduleChangeState[];
  /** Changes made to the schedule this one was published over, after this one was created: they did not carry over. */
  dropped: AgentScheduleChangeState[];
}

export interface ScheduleState {
  id: string;
  businessUnitId: string;
  /** First day of the schedule, yyyy-MM-dd, the BU's start day of week. */
  weekDate: string;
  weekCount: number;
  description: string;
  published: boolean;
  version: number;
  dateCreated: string;
  dateModified: string;
  modifiedByUserId: string;
  /** Who made the schedule (generated, imported); the base of an agent's history names them. */
  createdByUserId?: string;
  agentSchedules: Map<string, AgentScheduleState>;
  /** Agents changed since the schedule was created; absent until the first change. */
  agentHistory?: Map<string, AgentHistoryState>;
  /** Schedules this one was published over, latest first. */
  priorPublishedScheduleIds?: string[];
  /** The short-term forecast the schedule was built against (`BuScheduleMetadata.shortTermForecast`); imports have none. */
  shortTermForecast?: ShortTermForecastRef;
}

export interface TimeOffRequestState {
  id: string;
  userId: string;
  managementUnitId: string;
  isFullDayRequest: boolean;
  activityCodeId: string;
  status: 'PENDING' | 'APPROVED' | 'DENIED' | 'CANCELED';
  /** Full-day requests: MU-local dates. */
  fullDayManagementUnitDates: string[];
  /** Partial-day requests: UTC instants. */
  partialDayStartDateTimes: string[];
  dailyDurationMinutes: number;
  notes: string;
  submittedDate: string;
  version: number;
}

/** An agent's scripted conversation, for analytics. `end` null while it is active. */
export interface ScriptSessionState {
  conversationId: string;
  userId: string;
  scriptId: string;
  queueId: string;
  start: string;
  end: string | null;
}

export interface BusinessUnitState {
  id: string;
  name: string;
  timeZone: string;
  startDayOfWeek: string;
  version: number;
  managementUnits: ManagementUnitState[];
  activityCodes: ActivityCodeState[];
  schedules: Map<string, ScheduleState>;
  timeOffRequests: TimeOffRequestState[];
  /** Planning groups the forecasts give requirements for. Optional: a state file from before forecasts has none. */
  planningGroups?: PlanningGroupState[];
  /** Short-term forecasts by id, one per schedule week (see org/forecasts.ts). Optional, as `planningGroups`. */
  shortTermForecasts?: Map<string, ShortTermForecastState>;
}

/** What a schedule keeps of its forecast: Genesys's `BuShortTermForecastReference` without the selfUri. */
export interface ShortTermForecastRef {
  id: string;
  weekDate: string;
  description: string;
}

export interface PlanningGroupState {
  id: string;
  name: string;
}

/** One planning group's required staff for one week of a forecast. */
export interface PlanningGroupRequirementState {
  planningGroupId: string;
  /** Required staff per interval (fractional, as Genesys computes it), from the week's first interval on. */
  staffingRequirementsPerInterval: number[];
}

export interface ShortTermForecastState {
  id: string;
  businessUnitId: string;
  /** First day of the forecast, yyyy-MM-dd, the BU's start day of week. */
  weekDate: string;
  weekCount: number;
  description: string;
  version: number;
  dateCreated: string;
  dateModified: string;
  modifiedByUserId: string;
  /** The first interval's instant (UTC ISO): BU-local midnight of `weekDate`. */
  referenceStartDate: string;
  intervalLengthMinutes: number;
  /**
   * Per week of the forecast (index = weekNumber, from 0), each planning
   * group's requirement. A week runs from BU-local midnight to BU-local
   * midnight seven days later in intervals of real time, so a week with a
   * DST change has 668 or 676 quarter hours instead of 672.
   */
  weeks: PlanningGroupRequirementState[][];
}

export interface OrgState {
  id: string;
  name: string;
  /** The org's region id, as `/api/v2/organizations/me` reports it. */
  thirdPartyOrgName: string;
  businessUnits: Map<string, BusinessUnitState>;
  users: Map<string, SandboxUser>;
  clients: Map<string, SandboxClient>;
  scriptSessions: ScriptSessionState[];
}

/** What the generator planted, for tests (`GET /sandbox/manifest`); the console never reads it. */
export interface PlantedProblem {
  kind:
    | 'shiftOverlap'
    | 'timeOffOverlap'
    | 'activityOverlap'
    | 'naiveUtcShift'
    | 'dstShift'
    | 'zoneMismatch'
    | 'scriptSession';
  businessUnitId: string;
  scheduleId?: string;
  weekDate?: string;
  userId?: string;
  managementUnitId?: string;
  shiftIds?: string[];
  detail: string;
}

export interface SandboxManifest {
  seed: number;
  businessUnitId: string;
  agentCount: number;
  weeks: Array<{ weekDate: string; scheduleId: string; published: boolean }>;
  dstWeekDate: string | null;
  planted: PlantedProblem[];
  /** The current week's draft revision beside its published schedule. */
  revision: RevisionManifest;
}

/** The draft revision of the current week: which schedule it is, and which agents it changes. */
export interface RevisionManifest {
  scheduleId: string;
  weekDate: string;
  /** The published schedule of the same week it revises. */
  revisesScheduleId: string;
  /** Every agent whose week differs from the published one, sorted. */
  changedUserIds: string[];
  /** The deliberate edits (a published problem the revision no longer has also makes an agent differ). */
  edits: Array<{ userId: string; kind: 'moved' | 'added' | 'removed' }>;
}
