// The DuckDB adapter for ingestion: the one place that opens an instance. The face (CLI, wizard, bench)
// opens it, passes it to convertExport, and closes it; core code only sees the small IngestDb interface.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tempPaths } from '../fs/cleanup.ts';

/** A row as plain JS: DuckDB BIGINT/HUGEINT arrive as numbers (our counts fit), lists as arrays. */
export type SqlRow = Record<string, unknown>;

export interface IngestConnection {
  /** Run a statement; resolves to the number of rows it changed (INSERT/COPY), 0 otherwise. */
  run(sql: string): Promise<number>;
  all(sql: string): Promise<SqlRow[]>;
  close(): void;
}

export interface IngestDb {
  connect(): Promise<IngestConnection>;
  close(): void;
}

export interface IngestDbOptions {
  /** DuckDB memory_limit; above it DuckDB spills to a temp folder. Keeps peak RSS bounded on big exports.
   *  256MB: below it the ordered JSON COPY stalls on memory (1M rows: ~400 ms at 192MB, ~220 ms at 256MB);
   *  peak RSS of a 1M-row conversion stays ~400 MB. */
  memoryLimit?: string;
  threads?: number;
  /** The host's temp folder (os.tmpdir() at the entry point); DuckDB spills into a fresh folder under it. */
  tmpDir: string;
}

export async function openIngestDb({ memoryLimit = '256MB', threads, tmpDir }: IngestDbOptions): Promise<IngestDb> {
  // An in-memory database would otherwise spill into `.tmp` under the user's working directory.
  const spillDir = mkdtempSync(join(tmpDir, 'kolm-duckdb-'));
  tempPaths.add(spillDir); // removed on Ctrl-C too (see core/fs/cleanup.ts)
  const config: Record<string, string> = { memory_limit: memoryLimit, temp_directory: spillDir };
  if (threads) config.threads = String(threads);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', config);
  } catch (err) {
    rmSync(spillDir, { recursive: true, force: true });
    tempPaths.delete(spillDir);
    throw err;
  }
  return {
    async connect() {
      return wrap(await instance.connect());
    },
    close() {
      instance.closeSync();
      rmSync(spillDir, { recursive: true, force: true });
      tempPaths.delete(spillDir);
    },
  };
}

function wrap(conn: DuckDBConnection): IngestConnection {
  return {
    async run(sql) {
      const result = await conn.run(sql);
      return result.rowsChanged;
    },
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(plain);
    },
    close() {
      conn.closeSync();
    },
  };
}

function plain(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}

function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}
