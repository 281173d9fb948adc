import { z } from "zod";

// A call's transcript: the turns the agent worker reports (what the caller and the agent
// said, the keys the caller pressed, whether the agent was cut off), and the Space's
// retention in days. Isomorphic: the internal route, the REST view, the Settings form.

export const speakers = ["caller", "agent"] as const;
export const turnKinds = ["speech", "key"] as const;

const NAME = /^[A-Za-z0-9_.:+@-]{1,128}$/;

export const transcriptTurnInput = z.strictObject({
  /** The worker's order within the call: a resent turn is stored once. */
  seq: z.int().min(0).max(100_000),
  speaker: z.enum(speakers),
  kind: z.enum(turnKinds),
  text: z.string().max(4000),
  at: z.iso.datetime({ offset: true }),
  interrupted: z.boolean().default(false),
});
export type TranscriptTurnInput = z.output<typeof transcriptTurnInput>;

/** POST /api/internal/calls/transcript: the turns of one call, in any order, any number of times. */
export const transcriptReport = z.strictObject({
  roomName: z.string().regex(NAME),
  participantIdentity: z.string().regex(NAME),
  turns: z.array(transcriptTurnInput).min(1).max(200),
});
export type TranscriptReport = z.output<typeof transcriptReport>;

export type TranscriptTurnView = {
  speaker: (typeof speakers)[number];
  kind: (typeof turnKinds)[number];
  text: string;
  at: string;
  interrupted: boolean;
};

export type TranscriptView = { callId: string; retentionDays: number; turns: TranscriptTurnView[] };

export const RETENTION_MAX_DAYS = 3650;

/** Settings: whole days, 0 keeps no transcript at all. */
export const retentionFields = z.object({
  days: z
    .string()
    .trim()
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) <= RETENTION_MAX_DAYS, `Enter a whole number of days from 0 to ${RETENTION_MAX_DAYS} (0 keeps no transcripts).`),
});
export type RetentionFields = z.input<typeof retentionFields>;
export const retentionInput = retentionFields.transform((v) => Number(v.days));

/** PATCH /transcript-retention. */
export const updateRetentionBody = z.strictObject({
  days: z.int().min(0).max(RETENTION_MAX_DAYS, `At most ${RETENTION_MAX_DAYS} days.`).meta({ description: "Days a call's transcript is kept; 0 keeps none (turns are not stored, and the purge removes any left)." }),
});
