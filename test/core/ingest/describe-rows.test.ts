import { tmpdir } from 'node:os';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { histogramStats } from '../../../core/ingest/describe-rows.ts';
import { openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';

const test = suite('ingest describeRows');

let db: IngestDb;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
});
test.after(() => {
  db.close();
});

test('length percentiles from histograms equal DuckDB quantile_disc', async () => {
  const conn = await db.connect();
  try {
    for (const [rows, spread] of [[1, 5], [2, 5], [7, 3], [10, 10], [101, 50], [5000, 400]] as const) {
      const [row] = await conn.all(`WITH t AS (SELECT (hash(i, ${rows}) % ${spread})::INTEGER AS l FROM range(${rows}) r(i))
        SELECT quantile_disc(l, [0.5, 0.9, 0.99]) AS q, min(l) AS mn, max(l) AS mx, avg(l) AS mean,
          (SELECT list({l: l, n: n}) FROM (SELECT l, count(*) AS n FROM t GROUP BY l)) AS hist FROM t`);
      const stats = histogramStats(row!.hist as { l: unknown; n: unknown }[]);
      assert.equal([stats.p50, stats.p90, stats.p99], (row!.q as number[]).map(Number), `${rows} rows`);
      assert.equal([stats.min, stats.max, stats.mean], [Number(row!.mn), Number(row!.mx), Math.round(Number(row!.mean) * 10) / 10]);
    }
  } finally {
    conn.close();
  }
});

test.run();
