// The child of cleanup.test.ts: a real convert with the face's signal handler installed, as `kolm migrate
// convert` runs it. argv: export file, out folder, temp folder. Prints "ready" once DuckDB is open.
import { onInterrupt } from '../../../core/fs/cleanup.ts';
import { convertExport, openIngestDb } from '../../../core/ingest/index.ts';

const [exportFile, outDir, tmpDir] = process.argv.slice(2) as [string, string, string];
onInterrupt(process);
const db = await openIngestDb({ tmpDir, memoryLimit: '256MB', threads: 1 });
process.stdout.write('ready\n');
if (process.env.KOLM_TEST_HOLD) await new Promise((r) => setTimeout(r, 60_000));
await convertExport({ db, exportPaths: [exportFile], mapping: { inputColumns: ['q'], outputColumn: 'a' }, outDir });
db.close();
process.stdout.write('finished\n');
