/**
 * How a domain declares its part of the contract: each method's argument
 * schema is written once (it is both the runtime allow-list and, by
 * `z.infer`, the argument type), next to the type of its result.
 */
import { z } from 'zod';

export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  args: A;
  /** Type carrier only: never read at run time. */
  result: R;
}

/** `method(schema).returns<Result>()`: a method taking what `schema` accepts and answering `Result`. */
export function method<A extends z.ZodType>(args: A) {
  return { returns: <R>(): MethodSpec<A, R> => ({ args, result: undefined as R }) };
}

/** A domain's method table as `{name: {args, result}}` types. */
export type MethodTypes<T extends Record<string, MethodSpec>> = {
  [M in keyof T]: { args: z.infer<T[M]['args']>; result: T[M]['result'] };
};

/** Building blocks every domain uses. */
export const noArgs = z.object({}).strict();
export const entityId = z.string().min(1).max(200);
export const byId = z.object({ id: entityId }).strict();
export const businessUnitOf = z.object({ profileId: entityId, businessUnitId: entityId }).strict();
