// SQL text building for ingestion. Every user-supplied name or path reaches DuckDB through these two quoters.

/** A double-quoted identifier: `a"b` → `"a""b"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted string literal: `it's` → `'it''s'`. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A file path for DuckDB's table functions (read_csv, read_json_objects, read_parquet, sniff_csv), which
 * treat `*`, `?` and `[` as glob syntax: `data[1].csv` would read `data1.csv`. Each is wrapped in a
 * one-character class (`[[]`, `[*]`, `[?]`), which matches only itself, so the path names one file. A
 * leading `~` would be DuckDB's home folder; `./~x.csv` is the file the user named.
 */
export function filePath(path: string): string {
  const local = path.startsWith('~') ? `./${path}` : path;
  return literal(local.replace(/[*?[]/g, (c) => `[${c}]`));
}

/** Options every table function over a user's file takes: a directory named `split=2` is not a column. */
export const LITERAL_FILE = 'hive_partitioning=false';
