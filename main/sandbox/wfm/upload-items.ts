/**
 * Shifts and full-day markers of an upload turned into the org's records.
 * The SDK makes every field optional, so whether an item is complete depends
 * on what it is for: a new shift still needs what makes it a shift (a start
 * and a length, or activities to take them from), a new marker its length and
 * code. What is missing is a 400 naming the item and the fields.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest } from '../http/api-error';
import type { ActivityCodeState, ActivityState, FullDayTimeOffMarkerState, ShiftState } from '../org/model';
import type { MarkerUpload, ShiftUpload } from './upload-schemas';

/** Problems found while reading an upload, each with the sentence that says it. */
export class UploadProblems {
  readonly details: Models.Detail[] = [];
  private readonly sentences: string[] = [];

  add(sentence: string, detail: Models.Detail): void {
    this.sentences.push(sentence);
    this.details.push(detail);
  }

  /** One 400 for all of them, led by the first: nothing of the upload is taken. */
  throwIfAny(what: string): void {
    if (this.details.length === 0) return;
    const more = this.details.length > 1 ? ` (and ${this.details.length - 1} more problem(s))` : '';
    throw badRequest(`The ${what} cannot be applied: ${this.sentences[0]}${more}`, this.details);
  }
}

export interface ItemContext {
  codes: Map<string, ActivityCodeState>;
  newId: () => string;
}

const iso = (s: string) => new Date(s).toISOString();

/** An activity as stored: description and paid default to the activity code's, as an editor would show them. */
export function activityFrom(a: NonNullable<ShiftUpload['activities']>[number], ctx: ItemContext): ActivityState {
  const code = ctx.codes.get(a.activityCodeId);
  return {
    startDate: iso(a.startDate),
    lengthMinutes: a.lengthMinutes,
    activityCodeId: a.activityCodeId,
    description: a.description ?? code?.name ?? '',
    paid: a.paid ?? code?.countsAsPaidTime ?? true,
  };
}

/** A shift that did not exist: start and length as sent, or spanned by its activities. */
export function newShift(
  s: ShiftUpload,
  field: string,
  entityId: string,
  ctx: ItemContext,
  problems: UploadProblems,
): ShiftState | null {
  const activities = (s.activities ?? []).map((a) => activityFrom(a, ctx));
  let startDate = s.startDate === undefined ? undefined : iso(s.startDate);
  let lengthMinutes = s.lengthMinutes;
  if (activities.length > 0) {
    const from = Math.min(...activities.map((a) => Date.parse(a.startDate)));
    const to = Math.max(...activities.map((a) => Date.parse(a.startDate) + a.lengthMinutes * 60_000));
    startDate ??= new Date(from).toISOString();
    lengthMinutes ??= Math.round((to - Date.parse(startDate)) / 60_000);
  }
  const missing = [startDate === undefined && 'startDate', lengthMinutes === undefined && 'lengthMinutes'].filter(
    (f): f is string => f !== false,
  );
  if (startDate === undefined || lengthMinutes === undefined) {
    problems.add(
      `${field} is a new shift (no id) without ${missing.join(' and ')}, and has no activities to take them from`,
      { errorCode: 'missing.shift.fields', fieldName: `${field}.${missing[0]}`, entityId, entityName: 'shift' },
    );
    return null;
  }
  return { id: ctx.newId(), startDate, lengthMinutes, activities, manuallyEdited: s.manuallyEdited ?? true };
}

/** A listed shift replaces the stored one field by field: what it leaves out keeps its stored value. */
export function replacedShift(old: ShiftState, s: ShiftUpload, ctx: ItemContext): ShiftState {
  const next: ShiftState = {
    id: old.id,
    startDate: s.startDate === undefined ? old.startDate : iso(s.startDate),
    lengthMinutes: s.lengthMinutes ?? old.lengthMinutes,
    activities: s.activities ? s.activities.map((a) => activityFrom(a, ctx)) : old.activities,
    manuallyEdited: old.manuallyEdited,
  };
  // Genesys flags a shift someone edited by hand; resending it unchanged is no edit.
  next.manuallyEdited = s.manuallyEdited ?? (sameShift(old, next) ? old.manuallyEdited : true);
  return next;
}

export function sameShift(a: ShiftState, b: ShiftState): boolean {
  return (
    a.startDate === b.startDate &&
    a.lengthMinutes === b.lengthMinutes &&
    a.manuallyEdited === b.manuallyEdited &&
    a.activities.length === b.activities.length &&
    a.activities.every((x, i) => {
      const y = b.activities[i]!;
      return (
        x.startDate === y.startDate &&
        x.lengthMinutes === y.lengthMinutes &&
        x.activityCodeId === y.activityCodeId &&
        x.description === y.description &&
        x.paid === y.paid
      );
    })
  );
}

/** A marker as stored, from a listed one over the stored one of its date (or none: then length and code are needed). */
export function markerFrom(
  m: MarkerUpload & { businessUnitDate: string },
  old: FullDayTimeOffMarkerState | undefined,
  field: string,
  entityId: string,
  ctx: ItemContext,
  problems: UploadProblems,
): FullDayTimeOffMarkerState | null {
  const lengthMinutes = m.lengthMinutes ?? old?.lengthMinutes;
  const activityCodeId = m.activityCodeId ?? old?.activityCodeId;
  if (lengthMinutes === undefined || activityCodeId === undefined) {
    const missing = [lengthMinutes === undefined && 'lengthMinutes', activityCodeId === undefined && 'activityCodeId'];
    const names = missing.filter((f): f is string => f !== false);
    problems.add(`${field} is new time off for ${m.businessUnitDate} without ${names.join(' and ')}`, {
      errorCode: 'missing.marker.fields',
      fieldName: `${field}.${names[0]}`,
      entityId,
      entityName: 'fullDayTimeOffMarker',
    });
    return null;
  }
  const code = ctx.codes.get(activityCodeId);
  const startOffsetMinutes = m.startOffsetMinutes ?? old?.startOffsetMinutes ?? 0;
  const timeOffRequestId = m.timeOffRequestId ?? old?.timeOffRequestId;
  return {
    businessUnitDate: m.businessUnitDate,
    startOffsetMinutes,
    endOffsetMinutes: m.endOffsetMinutes ?? startOffsetMinutes + lengthMinutes,
    lengthMinutes,
    activityCodeId,
    description: m.description ?? old?.description ?? code?.name ?? '',
    paid: m.paid ?? old?.paid ?? code?.countsAsPaidTime ?? true,
    ...(timeOffRequestId ? { timeOffRequestId } : {}),
  };
}

export function sameMarker(a: FullDayTimeOffMarkerState, b: FullDayTimeOffMarkerState): boolean {
  return (
    a.businessUnitDate === b.businessUnitDate &&
    a.startOffsetMinutes === b.startOffsetMinutes &&
    a.endOffsetMinutes === b.endOffsetMinutes &&
    a.lengthMinutes === b.lengthMinutes &&
    a.activityCodeId === b.activityCodeId &&
    a.description === b.description &&
    a.paid === b.paid &&
    a.timeOffRequestId === b.timeOffRequestId
  );
}
