"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { cancelBatch } from "./cancel-batch";
import { createBatchFromCsv } from "./create-batch-from-csv";
import { cancelBatchInput, createBatchFromCsvInput } from "./schemas";

// The console's writes on batches; reads go through the REST GETs (components/batches/use-batches.ts).

export const createBatchFromCsvAction = spaceAction(createBatchFromCsvInput, createBatchFromCsv);
export const cancelBatchAction = spaceAction(cancelBatchInput, (ctx, input) => cancelBatch(ctx, input.batchId));
