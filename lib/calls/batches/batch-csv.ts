import Papa from "papaparse";
import { normalizeE164 } from "@/lib/phone-numbers/e164";
import { MAX_BATCH_ROWS, type BatchDestination } from "./schemas";

// A batch's CSV: a header row naming a number column (to, phone, phone_number or number) and
// any other columns, which become the call's {{variables}}. Isomorphic (papaparse and the
// console's number rule), so the same parse can run in the browser and runs again on the
// server. Every bad line is reported on its own, with the line number the file shows
// (header = line 1, counting blank lines and line breaks inside quoted fields), because the
// operator fixes the file in a spreadsheet or an editor that numbers lines that way.

export const NUMBER_COLUMNS = ["to", "phone", "phone_number", "number"] as const;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_VARIABLES = 50;
const MAX_VALUE = 500;
/** More errors than this are summed up: nobody reads a thousand, and the answer stays small. */
export const MAX_REPORTED_ERRORS = 100;

export type BatchCsvResult = { ok: true; destinations: BatchDestination[] } | { ok: false; errors: string[] };

type Line = { line: number; cells: string[]; parseError?: string };

/**
 * The header line's most frequent separator (comma unless another wins). papaparse's own
 * guess counts fields on every line, and the blank lines kept for numbering defeat it.
 */
function delimiterOf(body: string): string {
  const header = body.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  const count = (d: string) => header.split(d).length - 1;
  return [";", "\t", "|"].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/** Splits the text into rows, each with the line it starts on; blank lines are dropped. */
function readLines(text: string): Line[] {
  const body = text.replace(/^\uFEFF/, "");
  const linebreak = body.includes("\n") ? "\n" : "\r";
  const lines: Line[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    delimiter: delimiterOf(body),
    step: (result) => {
      const cells = result.data;
      const problem = result.errors[0];
      if (cells.some((c) => c.trim() !== "") || problem) lines.push({ line, cells, parseError: problem?.message });
      const end = result.meta.cursor;
      line += body.slice(start, end).split(linebreak).length - 1;
      start = end;
    },
  });
  return lines;
}

function headerErrors(header: string[], line: number): { errors: string[]; numberAt: number; names: string[] } {
  const names = header.map((h) => h.trim());
  const errors: string[] = [];
  const numberCols = names.map((n, i) => [n.toLowerCase(), i] as const).filter(([n]) => (NUMBER_COLUMNS as readonly string[]).includes(n));
  if (numberCols.length === 0) errors.push(`Line ${line}: no number column. Name one column ${NUMBER_COLUMNS.join(", ").replace(/, (\w+)$/, " or $1")}.`);
  if (numberCols.length > 1) errors.push(`Line ${line}: more than one number column (${numberCols.map(([, i]) => names[i]).join(", ")}); keep one.`);
  const numberAt = numberCols[0]?.[1] ?? -1;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (i === numberAt) return;
    if (name === "") errors.push(`Line ${line}: column ${i + 1} has no name.`);
    else if (!VARIABLE_NAME.test(name)) errors.push(`Line ${line}: the column “${name}” cannot be a variable name: use letters, digits and _, not starting with a digit (at most 64).`);
    else if (seen.has(name)) errors.push(`Line ${line}: the column “${name}” appears twice.`);
    seen.add(name);
  });
  if (names.length - (numberAt >= 0 ? 1 : 0) > MAX_VARIABLES) errors.push(`Line ${line}: at most ${MAX_VARIABLES} variable columns.`);
  return { errors, numberAt, names };
}

const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

function rowDestination(row: Line, names: string[], numberAt: number): BatchDestination | string {
  const at = `Line ${row.line}`;
  if (row.parseError) return `${at}: ${row.parseError}.`;
  if (row.cells.length !== names.length) return `${at}: ${row.cells.length} values, but the header has ${names.length} columns.`;
  const raw = row.cells[numberAt]!;
  const number = normalizeE164(raw);
  if (!number.ok) return raw.trim() === "" ? `${at}: the number is missing.` : `${at}: “${shown(raw.trim())}”: ${number.error}`;
  const variables: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    if (i === numberAt) continue;
    const value = row.cells[i]!;
    if (value.length > MAX_VALUE) return `${at}: the value of ${name} is longer than ${MAX_VALUE} characters.`;
    variables[name] = value;
  }
  return Object.keys(variables).length > 0 ? { to: number.value, variables } : { to: number.value };
}

/** Reads the whole file; any bad line refuses all of it (nothing is queued from half a file). */
export function parseBatchCsv(text: string): BatchCsvResult {
  const [header, ...rows] = readLines(text);
  if (!header) return { ok: false, errors: ["The file is empty. The first line names the columns, e.g. to,first_name."] };
  if (header.parseError) return { ok: false, errors: [`Line ${header.line}: ${header.parseError}.`] };
  const head = headerErrors(header.cells, header.line);
  if (head.errors.length > 0) return { ok: false, errors: head.errors };
  if (rows.length === 0) return { ok: false, errors: ["The file has a header but no rows."] };
  if (rows.length > MAX_BATCH_ROWS) {
    return { ok: false, errors: [`The file has ${rows.length.toLocaleString("en")} rows; a batch takes at most ${MAX_BATCH_ROWS.toLocaleString("en")}. Split it.`] };
  }
  const destinations: BatchDestination[] = [];
  const errors: string[] = [];
  for (const row of rows) {
    const result = rowDestination(row, head.names, head.numberAt);
    if (typeof result === "string") errors.push(result);
    else destinations.push(result);
  }
  if (errors.length === 0) return { ok: true, destinations };
  const more = errors.length - MAX_REPORTED_ERRORS;
  return { ok: false, errors: more > 0 ? [...errors.slice(0, MAX_REPORTED_ERRORS), `…and ${more.toLocaleString("en")} more lines with errors.`] : errors };
}
