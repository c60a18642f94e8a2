/**
 * What travels on the services port, checked on arrival: a port can carry
 * anything structured-clone can, so nothing is trusted by its type alone.
 *
 *   caller → services  {id, method, args, via?}   one request
 *   services → caller  {id, outcome}              its answer, matched by id
 *   services → caller  {event, payload}           every contract event
 *
 * `via` names the transport a relay received the call on (Electron main
 * relays IPC calls), so `app.info` reports what the window actually uses.
 */
import { z } from 'zod';
import {
  isOpsEventName,
  type FailureCategory,
  type OpsErrorCode,
  type OpsEventName,
  type TransportKind,
} from '../../../shared/contract';

const transportKinds = ['ipc', 'http', 'port', 'inProcess'] as const satisfies readonly TransportKind[];
const errorCodes = ['unknownMethod', 'badArguments', 'forbidden', 'failed'] as const satisfies readonly OpsErrorCode[];
export const failureCategories = [
  'badInput',
  'auth',
  'conflict',
  'unavailable',
  'invalid',
  'storage',
  'internal',
] as const satisfies readonly FailureCategory[];
// Compile-time: each list names every member of its union, so a new code or category cannot be refused here by mistake.
type Covers<All, Listed> = [All] extends [Listed] ? true : false;
const complete: [
  Covers<TransportKind, (typeof transportKinds)[number]>,
  Covers<OpsErrorCode, (typeof errorCodes)[number]>,
  Covers<FailureCategory, (typeof failureCategories)[number]>,
] = [true, true, true];
void complete;

export const callId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Only the id is needed to answer: anything else wrong is answered as an error. */
export const requestEnvelope = z.object({ id: callId });
export const requestFrame = z.object({
  id: callId,
  method: z.unknown(),
  args: z.unknown(),
  via: z.enum(transportKinds).optional(),
});
export type RequestFrame = z.infer<typeof requestFrame>;

export const outcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(errorCodes), message: z.string(), category: z.enum(failureCategories).optional() }),
  }),
]);

export const responseEnvelope = z.object({ id: callId, outcome: z.unknown() });

export const eventFrame = z.object({
  event: z.string().refine((name): name is OpsEventName => isOpsEventName(name)),
  payload: z.unknown(),
});
