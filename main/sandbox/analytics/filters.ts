/**
 * Conversation and segment filters of a details query, evaluated over the
 * few dimensions a sandbox conversation has. Metric and property predicates,
 * and dimensions the sandbox does not model, pass: the answer may be wider
 * than Genesys's, never narrower, so a client that re-checks stays right.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest } from '../http/api-error';

/** Dimension values of one conversation, or of one segment row; absent = not set. */
export type DimensionValues = Record<string, string | undefined>;

type Predicate = Models.ConversationDetailQueryPredicate | Models.SegmentDetailQueryPredicate;
type Filter = Models.ConversationDetailQueryFilter | Models.SegmentDetailQueryFilter;

const operators = new Set(['matches', 'exists', 'notExists']);

function predicateHolds(p: Predicate, values: DimensionValues, modelled: ReadonlySet<string>): boolean {
  const operator = p.operator ?? 'matches';
  if (!operators.has(operator)) throw badRequest(`Unsupported predicate operator ${operator}`);
  if ((p.type ?? 'dimension') !== 'dimension' || !p.dimension || !modelled.has(p.dimension)) return true;
  const value = values[p.dimension];
  if (operator === 'exists') return value !== undefined;
  if (operator === 'notExists') return value === undefined;
  return value !== undefined && value === p.value;
}

function combine(type: string, results: boolean[]): boolean {
  if (type !== 'and' && type !== 'or') throw badRequest(`Filter type must be "and" or "or", not "${type}"`);
  if (results.length === 0) return true;
  return type === 'and' ? results.every(Boolean) : results.some(Boolean);
}

export function filterHolds(filter: Filter, values: DimensionValues, modelled: ReadonlySet<string>): boolean {
  const predicates = (filter.predicates ?? []).map((p) => predicateHolds(p, values, modelled));
  const clauses = (filter.clauses ?? []).map((c) =>
    combine(
      c.type,
      (c.predicates ?? []).map((p) => predicateHolds(p, values, modelled)),
    ),
  );
  return combine(filter.type, [...predicates, ...clauses]);
}

export const conversationDimensions: ReadonlySet<string> = new Set([
  'conversationId',
  'conversationEnd',
  'conversationStart',
  'originatingDirection',
]);

export const segmentDimensions: ReadonlySet<string> = new Set([
  'conversationId',
  'participantId',
  'participantName',
  'purpose',
  'userId',
  'sessionId',
  'mediaType',
  'direction',
  'scriptId',
  'queueId',
  'segmentType',
  'segmentEnd',
]);

/**
 * Every conversation filter must hold for the conversation; every segment
 * filter must hold for at least one of its segments.
 */
export function conversationMatches(
  query: Models.ConversationQuery,
  conversation: DimensionValues,
  segments: DimensionValues[],
): boolean {
  const conversationOk = (query.conversationFilters ?? []).every((f) =>
    filterHolds(f, conversation, conversationDimensions),
  );
  return (
    conversationOk &&
    (query.segmentFilters ?? []).every((f) => segments.some((row) => filterHolds(f, row, segmentDimensions)))
  );
}
