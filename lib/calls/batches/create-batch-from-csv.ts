import "server-only";
import { ValidationError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { parseBatchCsv } from "./batch-csv";
import { createBatch } from "./create-batch";
import type { BatchView } from "./repository";
import { createBatchInput, type CreateBatchFromCsvInput } from "./schemas";

// The console's New batch form: the file's text is parsed here, on the server, whatever the
// browser checked. Every bad line goes back on the file field (`csv`), one message a line;
// nothing is queued while any line is wrong.

export async function createBatchFromCsv(ctx: SpaceContext, input: CreateBatchFromCsvInput): Promise<BatchView> {
  const parsed = parseBatchCsv(input.csv);
  if (!parsed.ok) throw new ValidationError("Some lines of the file are not valid.", { csv: parsed.errors });
  const body = createBatchInput.safeParse({
    name: input.name || undefined,
    from: input.from,
    agentId: input.agentId || null,
    maxConcurrency: input.maxConcurrency,
    destinations: parsed.destinations,
  });
  // The CSV reader applies the destination rules itself; this only guards against the two drifting apart.
  if (!body.success) throw new ValidationError("The file could not be read as a batch.", { csv: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  return createBatch(ctx, body.data);
}
