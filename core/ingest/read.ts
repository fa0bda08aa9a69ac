// One data file as a DuckDB relation whose columns can be read as text. CSV is read with all_varchar and a
// strict, fixed dialect; Parquet values are cast to text (nested values as JSON); JSON lines are read as raw
// objects so a nested value stays its JSON text, the way the bus-slots output column must.
import { KolmError } from '../errors.ts';
import { detectCsvDialect, type CsvDialect } from './dialect.ts';
import type { IngestConnection } from './duckdb.ts';
import { csvReadError, jsonReadError, locateBadJsonLine, notObjectError, parquetReadError } from './read-errors.ts';
import type { DataFile } from './sources.ts';
import { refuseWideEncoding } from './text-shape.ts';
import { filePath, ident, LITERAL_FILE, literal } from './sql.ts';

export interface Source {
  file: DataFile;
  /** Column names as the file spells them. */
  columns: string[];
  /** SQL for the FROM clause. */
  from: string;
  /** SQL expression giving column `name` as VARCHAR (NULL when missing). */
  text(name: string): string;
  /** Turn an error DuckDB raised while scanning `from` into a KolmError naming the file and line. */
  readError(err: unknown): Promise<KolmError>;
}

export async function openSource(conn: IngestConnection, file: DataFile): Promise<Source> {
  switch (file.format) {
    case 'csv':
      return openCsv(conn, file);
    case 'parquet':
      return openParquet(conn, file);
    default:
      return openJson(conn, file);
  }
}

async function openCsv(conn: IngestConnection, file: DataFile): Promise<Source> {
  await refuseWideEncoding(file.path, 'CSV');
  const dialect = await detectCsvDialect(conn, file.path);
  const columns = dedupe(dialect.columns);
  const from =
    `read_csv(${filePath(file.path)}, ${LITERAL_FILE}, auto_detect=false, header=true, all_varchar=true, strict_mode=true, null_padding=false, ` +
    `delim=${literal(dialect.delimiter)}, quote=${literal(dialect.quote)}, escape=${literal(dialect.escape)}, ` +
    `columns={${columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}})`;
  return { file, columns, from, text: (name) => ident(name), readError: (err) => csvReadError(err, file, dialect as CsvDialect) };
}

async function openParquet(conn: IngestConnection, file: DataFile): Promise<Source> {
  const from = `read_parquet(${filePath(file.path)}, ${LITERAL_FILE})`;
  let described: { column_name: string; column_type: string }[];
  try {
    described = (await conn.all(`DESCRIBE SELECT * FROM ${from}`)) as typeof described;
  } catch (err) {
    throw parquetReadError(err, file);
  }
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  return {
    file,
    columns: described.map((d) => d.column_name),
    from,
    text(name) {
      const type = types.get(name) ?? 'VARCHAR';
      if (type === 'VARCHAR') return ident(name);
      // Lists, structs and maps as JSON text; everything else in DuckDB's canonical text form.
      return /[[\]]|^(STRUCT|MAP|UNION)/.test(type) ? `CAST(to_json(${ident(name)}) AS VARCHAR)` : `CAST(${ident(name)} AS VARCHAR)`;
    },
    readError: async (err) => parquetReadError(err, file),
  };
}

async function openJson(conn: IngestConnection, file: DataFile): Promise<Source> {
  await refuseWideEncoding(file.path, 'JSON');
  const format = file.format === 'jsonl' ? 'newline_delimited' : 'auto';
  const from = `read_json_objects(${filePath(file.path)}, ${LITERAL_FILE}, format=${literal(format)})`;
  let keys: string[];
  try {
    const [row] = await conn.all(
      `SELECT count(*) FILTER (WHERE json_type(json) <> 'OBJECT') AS not_objects, ` +
        `list_distinct(flatten(list(json_keys(json)))) AS keys FROM ${from}`,
    );
    if (Number(row?.not_objects ?? 0) > 0) {
      const bad = file.format === 'jsonl' ? await locateBadJsonLine(file.path).catch(() => undefined) : undefined;
      throw notObjectError(file, bad?.line);
    }
    keys = ((row?.keys as string[] | null) ?? []).slice().sort();
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw await jsonReadError(err, file);
  }
  return {
    file,
    columns: keys,
    from,
    // json_extract_string keeps a nested value as its JSON text and gives NULL for JSON null or a missing key.
    text: (name) => `json_extract_string(json, [${literal(name)}])[1]`,
    readError: (err) => jsonReadError(err, file),
  };
}

/** DuckDB needs distinct column names; a repeated header name gets a numeric suffix, as pandas does (a, a.1). */
function dedupe(columns: string[]): string[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    let name = c;
    for (let i = 1; seen.has(name); i++) name = `${c}.${i}`;
    seen.add(name);
    return name;
  });
}
