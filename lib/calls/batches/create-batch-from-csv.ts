import "server-only";
import { ValidationError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { MAX_REPORTED_ERRORS, parseBatchCsv } from "./batch-csv";
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
  try {
    return await createBatch(ctx, body.data);
  } catch (err) {
    throw csvErrors(err);
  }
}

/** A refusal of destinations (`destinations.<i>.to`) goes on the file field, one message per row. */
function csvErrors(err: unknown): unknown {
  if (!(err instanceof ValidationError)) return err;
  const rows = Object.entries(err.fieldErrors).flatMap(([path, messages]) => {
    const row = /^destinations\.(\d+)\.to$/.exec(path);
    return row ? messages.map((m) => `Row ${Number(row[1]) + 1}: ${m}`) : [];
  });
  if (rows.length === 0) return err;
  const shown = rows.length > MAX_REPORTED_ERRORS ? [...rows.slice(0, MAX_REPORTED_ERRORS), `…and ${rows.length - MAX_REPORTED_ERRORS} more rows.`] : rows;
  return new ValidationError(err.message, { csv: shown });
}
