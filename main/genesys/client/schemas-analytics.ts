/**
 * Conversation detail queries, read only for what the script-lock check
 * needs: conversations with no `conversationEnd` whose agent session has a
 * `scriptId`.
 */
import { z } from 'zod';

export const analyticsSession = z
  .object({
    sessionId: z.string().optional(),
    mediaType: z.string().optional(),
    scriptId: z.string().optional(),
    direction: z.string().optional(),
  })
  .loose();

export const analyticsParticipant = z
  .object({
    participantId: z.string().optional(),
    purpose: z.string().optional(),
    userId: z.string().optional(),
    sessions: z.array(analyticsSession).default([]),
  })
  .loose();

export const analyticsConversation = z
  .object({
    conversationId: z.string(),
    conversationStart: z.string().optional(),
    conversationEnd: z.string().optional(),
    participants: z.array(analyticsParticipant).default([]),
  })
  .loose();

/** Genesys leaves `conversations` out entirely when nothing matches. */
export const analyticsConversationQueryResponse = z
  .object({ conversations: z.array(analyticsConversation).default([]), totalHits: z.number().int().optional() })
  .loose();
