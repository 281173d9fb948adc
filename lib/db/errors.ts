// Recognising database errors that services turn into domain errors (ConflictError -> 409).

type KnownRequestErrorLike = {
  name: string;
  code: string;
  meta?: Record<string, unknown>;
};

function isKnownRequestError(err: unknown): err is KnownRequestErrorLike {
  // Duck-typed rather than instanceof: Next.js dev can load two copies of the Prisma runtime.
  return (
    typeof err === "object" &&
    err !== null &&
    (err as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
    typeof (err as { code?: unknown }).code === "string"
  );
}

/** Our schema maps every camelCase field to a snake_case column (@map). */
export function columnName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type ViolatedConstraint = { columns?: string[]; index?: string; table?: string };

/**
 * What a P2002 says it violated. Through the pg driver adapter Prisma reports
 * `meta.driverAdapterError.cause` = { constraint: { index } | { fields }, table } (column
 * names); without an adapter it reports `meta.target` (field names or the index name).
 */
function violatedConstraint(meta: Record<string, unknown> | undefined): ViolatedConstraint {
  const target = meta?.target;
  if (Array.isArray(target)) return { columns: target.map((t) => columnName(String(t))) };
  if (typeof target === "string") return { index: target };
  const cause = (meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
  const constraint = cause?.constraint as { index?: unknown; fields?: unknown } | undefined;
  const table = typeof cause?.table === "string" ? cause.table : undefined;
  if (Array.isArray(constraint?.fields)) {
    return { columns: constraint.fields.map((f) => String(f).replace(/^"|"$/g, "")), table };
  }
  if (typeof constraint?.index === "string") return { index: constraint.index, table };
  return { table };
}

/**
 * True when `err` is a unique-constraint violation (Prisma P2002), optionally only the one on
 * `fields`: Prisma field names such as "email" or ["spaceId", "userId"] (any order). Use it to
 * turn a lost race (two concurrent creates, an upsert) into a ConflictError.
 */
export function isUniqueViolation(err: unknown, fields?: string | readonly string[]): boolean {
  if (!isKnownRequestError(err) || err.code !== "P2002") return false;
  if (fields === undefined) return true;

  const wanted = (typeof fields === "string" ? [fields] : [...fields]).map(columnName);
  const violated = violatedConstraint(err.meta);
  if (violated.columns) {
    return violated.columns.length === wanted.length && wanted.every((c) => violated.columns?.includes(c));
  }
  if (violated.index) {
    // Prisma's default names: <table>_<column>[_<column>...]_key, columns in declared order.
    return permutations(wanted).some((cols) => {
      const suffix = `_${cols.join("_")}_key`;
      return violated.table ? violated.index === `${violated.table}${suffix}` : violated.index?.endsWith(suffix);
    });
  }
  return false;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * True when `err` is a foreign-key violation (Prisma P2003): a write referred to a row that a
 * concurrent request deleted, or a delete hit a row still referred to. Services map it to a
 * ConflictError or ValidationError instead of a 500.
 */
export function isForeignKeyViolation(err: unknown): boolean {
  return isKnownRequestError(err) && err.code === "P2003";
}
