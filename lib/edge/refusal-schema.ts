import { z } from "zod";

// The facts of a refused inbound call, as REST (RefusedCallPage) and the call.refused event
// both carry them; each adds its own ids around these.

export const refusalCauses = ["unknown_number", "address_not_allowed", "digest_failed", "not_answered", "space_suspended"] as const;

export const refusalFacts = z.object({
  sipAccountId: z.string().nullable(),
  cause: z.enum(refusalCauses),
  explanation: z.string().meta({ description: "The cause in plain words." }),
  sipStatusCode: z.number().int().meta({ description: "What the PBX was answered (404, 403, 407...)." }),
  calledNumber: z.string().meta({ description: "The To user exactly as the PBX sent it." }),
  matchedNumber: z.string().nullable().meta({ description: "The bound E.164 number it matched, if any." }),
  from: z.string(),
  sourceAddress: z.string(),
  transport: z.string(),
  refusedAt: z.string().meta({ description: "ISO 8601 instant." }),
});
