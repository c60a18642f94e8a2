/** A week is named by its first day; whether it is this unit's first day is checked where the unit is known. */
import { z } from 'zod';
import { isCalendarDate } from '../time/business-week';

export const weekDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A week is its first day, yyyy-MM-dd')
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date on the calendar` });
