// SQL text building for ingestion. Every user-supplied name or path reaches DuckDB through these two quoters.

/** A double-quoted identifier: `a"b` → `"a""b"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted string literal: `it's` → `'it''s'`. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
