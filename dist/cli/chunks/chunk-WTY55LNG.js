import {
  LineSplitter
} from "./chunk-5PASBJYA.js";
import {
  sanitizeColumnName
} from "./chunk-3BN23YBG.js";
import {
  inferOutputKindFromCounts
} from "./chunk-TNBATMMU.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  commitFilesAtomic
} from "./chunk-WBWVS4MC.js";
import {
  tempPaths
} from "./chunk-QMXGNTLL.js";
import {
  KolmError,
  closestName
} from "./chunk-AYSNEYKG.js";

// core/ingest/report.ts
var DROP_REASONS = ["bad_split_value", "null_output", "empty_output", "null_input", "empty_input"];
var DROP_REASON_TEXT = {
  bad_split_value: "split value not 0, 1 or 2",
  null_output: "output is null",
  empty_output: "output is empty after trimming",
  null_input: "input is null",
  empty_input: "input is empty after trimming"
};
function emptyDropCounts() {
  return Object.fromEntries(DROP_REASONS.map((r) => [r, 0]));
}
var LABEL_COUNTS_MAX = 1e4;
function looksLikeLabels(distinct, counts, override) {
  if (override) return override === "label";
  if (distinct > LABEL_COUNTS_MAX) return false;
  return inferOutputKindFromCounts(counts) === "label";
}

// core/ingest/classify-rows.ts
var DROP_CODE = { sampled_out: 0, ...Object.fromEntries(DROP_REASONS.map((r, i) => [r, i + 1])) };
async function classifyRows(conn, rows, mapping, reporter) {
  const { plans, inputCols, rowInFile, fileName } = rows;
  const multi = inputCols.length > 1;
  const nullInput = inputCols.map((c) => `${c} IS NULL`).join(" AND ");
  const emptyInput = multi ? inputCols.map((c) => `(${c} IS NULL OR kolm_blank(${c}))`).join(" AND ") : "kolm_blank(i0)";
  const splitNumber = "TRY_CAST(trim(s) AS DOUBLE)";
  const splitValue = `CASE WHEN ${splitNumber} = 0 OR ${splitNumber} = 1 OR ${splitNumber} = 2 THEN CAST(${splitNumber} AS TINYINT) END`;
  reporter.progress({ stage: "ingest:analyse", message: "sampling, splitting and counting rows" });
  const sampling = mapping.sampling;
  const keepCount = sampleCount(rows.total, sampling);
  const sampled = keepCount < rows.total;
  if (sampled) {
    await conn.run(`CREATE TEMP TABLE kolm_sampled_out AS SELECT rowid AS pos FROM kolm_rows
      QUALIFY row_number() OVER (ORDER BY hash(${fileName}, ${rowInFile}, ${sampling.seed}), rowid) > ${keepCount}`);
  }
  const splitOf = `CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${p.splitSource === "column" ? splitValue : String(p.fixedSplit ?? "NULL")}`).join(" ")} END`;
  const columnFiles = plans.filter((p) => p.splitSource === "column").map((p) => `f = ${p.index}`);
  const fromColumn = columnFiles.length ? `(${columnFiles.join(" OR ")})` : "false";
  const dropCode = `CASE ${sampled ? `WHEN rowid IN (SELECT pos FROM kolm_sampled_out) THEN ${DROP_CODE.sampled_out} ` : ""}WHEN ${fromColumn} AND (${splitValue}) IS NULL THEN ${DROP_CODE.bad_split_value} WHEN o IS NULL THEN ${DROP_CODE.null_output} WHEN kolm_blank(o) THEN ${DROP_CODE.empty_output} WHEN ${nullInput} THEN ${DROP_CODE.null_input} WHEN ${emptyInput} THEN ${DROP_CODE.empty_input} END`;
  const viewOf = (split) => `SELECT rowid AS pos, f, ${rowInFile} AS row_num, ${inputCols.join(", ")}, o, ${split} AS split, ${dropCode} AS drop_code FROM kolm_rows`;
  await conn.run(`CREATE TEMP VIEW kolm_v AS ${viewOf(splitOf)}`);
  if (mapping.split?.type === "random") {
    await assignRandomSplit(conn, mapping.split.probabilities, mapping.split.seed, fileName);
    await conn.run(`CREATE OR REPLACE TEMP VIEW kolm_v AS ${viewOf("(SELECT r.split FROM kolm_random r WHERE r.pos = kolm_rows.rowid)")}`);
  }
  return { sampled, keepCount };
}
function sampleCount(total, sampling) {
  let n = total;
  if (sampling?.ratio !== void 0 && sampling.ratio < 1) n = Math.round(n * sampling.ratio);
  if (sampling?.size !== void 0) n = Math.min(n, sampling.size);
  return n;
}
async function assignRandomSplit(conn, p, seed, fileName) {
  const [row] = await conn.all("SELECT count(*) AS n FROM kolm_v WHERE drop_code IS NULL");
  const n = Number(row.n);
  const train = Math.ceil(Number((p[0] * n).toFixed(9)));
  const validation = Math.min(n - train, Math.floor(Number((p[1] * n).toFixed(9))));
  await conn.run(`CREATE TEMP TABLE kolm_random AS
    SELECT pos, CASE WHEN rnk <= ${train} THEN 0 WHEN rnk <= ${train + validation} THEN 1 ELSE 2 END::TINYINT AS split
    FROM (SELECT pos, row_number() OVER (ORDER BY hash(${fileName.replaceAll("CASE f", "CASE kolm_v.f")}, row_num, ${seed}, 'split'), pos) AS rnk
          FROM kolm_v WHERE drop_code IS NULL)`);
}

// core/ingest/load-rows.ts
import { basename as basename2 } from "node:path";

// core/ingest/columns.ts
function resolveColumns(file, found, wanted) {
  const bySanitized = /* @__PURE__ */ new Map();
  for (const original of found) {
    const key = sanitizeColumnName(original);
    bySanitized.set(key, [...bySanitized.get(key) ?? [], original]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const { name, role } of wanted) {
    const originals = bySanitized.get(name);
    if (!originals) {
      const sanitizedFound = [...bySanitized.keys()];
      const guess = closestName(name, sanitizedFound);
      const guessOriginal = guess === void 0 ? void 0 : bySanitized.get(guess)[0];
      throw new KolmError(
        "E_MISSING_COLUMN",
        `${file} has no column "${name}" (the ${role}). Columns found: ${found.map((c) => `"${c}"`).join(", ") || "(none)"}` + (guessOriginal !== void 0 ? `. Did you mean "${guessOriginal}"?` : ""),
        {
          place: { file, column: name },
          hint: guessOriginal !== void 0 ? `the data has "${guessOriginal}": fix the name in config.yaml, or rename the column in the data` : "check input_features, output_features and prompt.template in config.yaml against the data file",
          details: { columnsFound: [...found], closest: guessOriginal }
        }
      );
    }
    if (originals.length > 1) {
      throw new KolmError(
        "E_MISSING_COLUMN",
        `${file} has several columns that Ludwig would all name "${name}" (the ${role}): ${originals.map((c) => `"${c}"`).join(", ")}`,
        { place: { file, column: name }, hint: `rename the columns so that they differ in more than ( ) { } . : " ' [ ]` }
      );
    }
    out.set(name, originals[0]);
  }
  return out;
}

// core/ingest/sources.ts
import { open, readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var SPLIT_NAMES = ["train", "validation", "test"];
var EXTENSIONS = [
  [/\.(csv|tsv)(\.gz|\.zst)?$/i, "csv"],
  [/\.(parquet|pq)$/i, "parquet"],
  [/\.(jsonl|ndjson)(\.gz|\.zst)?$/i, "jsonl"],
  [/\.json(\.gz|\.zst)?$/i, "json"]
];
var SUPPORTED_EXTENSIONS = ".csv, .tsv, .parquet, .pq, .jsonl, .ndjson, .json (CSV/JSON also .gz)";
function formatOf(path) {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1];
}
var SPLIT_WORDS = {
  train: 0,
  training: 0,
  validation: 1,
  valid: 1,
  val: 1,
  eval: 1,
  dev: 1,
  test: 2,
  testing: 2
};
function splitFromFileName(path) {
  const stem = basename(path).replace(/\..*$/, "").toLowerCase();
  const hits = new Set(stem.split(/[-_. ]+/).map((w) => SPLIT_WORDS[w]).filter((s) => s !== void 0));
  return hits.size === 1 ? [...hits][0] : void 0;
}
function folderOrder(a, b) {
  const rank = (n) => splitFromFileName(n) ?? 3;
  return rank(a) - rank(b) || a.localeCompare(b);
}
async function resolveDataFiles(paths) {
  if (paths.length === 0) {
    throw new KolmError("E_USAGE", "no export given", { hint: "pass --export with a folder or data file" });
  }
  const files = [];
  for (const given of paths) {
    const st = await statOrThrow(given);
    if (st.isDirectory()) {
      const names = (await readdir(given)).filter((n) => !n.startsWith(".") && formatOf(n) !== void 0).sort(folderOrder);
      if (names.length === 0) {
        throw new KolmError("E_NO_DATA_FILES", `${given} holds no data files`, {
          place: { path: given },
          hint: `put the dataset (${SUPPORTED_EXTENSIONS}) in the folder, or pass the data file itself`
        });
      }
      for (const name of names) {
        const path = join(given, name);
        const s = await statOrThrow(path);
        if (s.isFile()) files.push(await describe(path, s.size));
      }
    } else {
      if (formatOf(given) === void 0) {
        throw new KolmError("E_NO_DATA_FILES", `${given} is not a data file kolm reads`, {
          place: { file: given },
          hint: `give a file ending in ${SUPPORTED_EXTENSIONS}, or the folder that holds it`
        });
      }
      files.push(await describe(given, st.size));
    }
  }
  return files;
}
async function describe(path, size) {
  if (size === 0) {
    throw new KolmError("E_EMPTY_FILE", `${path} is empty (0 bytes)`, {
      place: { file: path },
      hint: "export the dataset again, or leave this file out of --export"
    });
  }
  await assertReadable(path);
  return { path, format: formatOf(path), splitFromName: splitFromFileName(path), size };
}
async function statOrThrow(path) {
  try {
    return await stat(path);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      const siblings = await readdir(dirname(path)).catch(() => []);
      const guess = closestName(basename(path), siblings);
      throw new KolmError("E_PATH_NOT_FOUND", `${path} does not exist${guess ? ` (did you mean ${join(dirname(path), guess)}?)` : ""}`, {
        place: { path },
        hint: "check the --export path; it may be a file or the folder of the Predibase export",
        cause: err
      });
    }
    throw unreadable(path, err);
  }
}
async function assertReadable(path) {
  try {
    const fh = await open(path, "r");
    await fh.close();
  } catch (err) {
    throw unreadable(path, err);
  }
}
function unreadable(path, err) {
  return new KolmError("E_PATH_UNREADABLE", `${path} cannot be read: ${err.message}`, {
    place: { path },
    hint: "check the file permissions (and that it is a regular file)",
    cause: err
  });
}

// core/ingest/file-split.ts
var DEFAULT_SPLIT_COLUMN = "split";
function planSplit(file, columns, mapping, warn) {
  const split = mapping.split;
  if (split?.type === "random") {
    if (file.splitFromName !== void 0) {
      warn(`${file.path}: the config's random split re-splits its rows; its name (${SPLIT_NAMES[file.splitFromName]}) is ignored`);
    }
    return { file, splitSource: "random" };
  }
  const wantedColumn = split?.type === "fixed" ? split.column : DEFAULT_SPLIT_COLUMN;
  const column = columns.find((c) => sanitizeColumnName(c) === wantedColumn);
  if (column !== void 0) return { file, splitSource: "column", splitColumn: column };
  if (split?.type === "fixed") {
    warn(`${file.path} has no split column "${wantedColumn}"; its rows are split by ${file.splitFromName !== void 0 ? "its file name" : "default (all train)"}`);
  }
  if (file.splitFromName !== void 0) return { file, splitSource: "file name", fixedSplit: file.splitFromName };
  return { file, splitSource: "default (all train)", fixedSplit: 0 };
}
async function checkSplitValues(conn, plans, rowInFile) {
  if (!plans.some((p) => p.splitSource === "column")) return;
  const [bad] = await conn.all(`SELECT f, ${rowInFile} AS row_num, s FROM kolm_rows
    WHERE s IS NOT NULL AND NOT kolm_blank(s) AND TRY_CAST(trim(s) AS DOUBLE) IS NULL ORDER BY rowid LIMIT 1`);
  if (!bad) return;
  const plan = plans[Number(bad.f)];
  const value = String(bad.s);
  const word = /^(train(ing)?|val(id(ation)?)?|eval|dev|test(ing)?)$/i.test(value.trim());
  throw new KolmError("E_BAD_SPLIT", `${plan.file.path} row ${bad.row_num}: split column "${plan.splitColumn}" holds "${value.length > 40 ? `${value.slice(0, 37)}...` : value}", not 0, 1 or 2`, {
    place: { file: plan.file.path, row: Number(bad.row_num), column: plan.splitColumn },
    hint: word ? "Ludwig's split column holds numbers: write 0 for train, 1 for validation, 2 for test" : "use 0 (train), 1 (validation) or 2 (test) in the split column; rows with other numbers are dropped"
  });
}

// core/ingest/dialect.ts
import { createReadStream } from "node:fs";
import { open as open2 } from "node:fs/promises";

// core/ingest/sql.ts
function ident(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
function literal(value) {
  return `'${value.replaceAll("'", "''")}'`;
}
function filePath(path) {
  const local = path.startsWith("~") ? `./${path}` : path;
  return literal(local.replace(/[*?[]/g, (c) => `[${c}]`));
}
var LITERAL_FILE = "hive_partitioning=false";

// core/ingest/dialect.ts
var DELIMITER_CANDIDATES = [",", "	", ";", "|"];
async function detectCsvDialect(conn, path) {
  const header = await readHeaderRecord(path);
  const fromHeader = headerDialect(header);
  let sniffed;
  try {
    const [row] = await conn.all(
      `SELECT "Delimiter" AS d, "Quote" AS q, "Escape" AS e, "Columns" AS c FROM sniff_csv(${filePath(path)}, ${LITERAL_FILE}, header=true, skip=0, all_varchar=true)`
    );
    if (row) {
      const quote = row.q === "(empty)" ? "" : String(row.q);
      const escape = row.e === "(empty)" ? "" : String(row.e);
      sniffed = {
        delimiter: String(row.d),
        // No quote in the sniffed sample does not mean none later: keep RFC 4180 quoting, as pandas does.
        quote: quote || '"',
        escape: escape || (quote === "" || quote === '"' ? '"' : ""),
        columns: row.c.map((c) => c.name)
      };
    }
  } catch {
  }
  if (sniffed && (sniffed.columns.length === fromHeader.columns.length || fromHeader.columns.length === 1)) return sniffed;
  return fromHeader;
}
async function readHeaderRecord(path) {
  const fh = await open2(path, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let text = new TextDecoder("utf-8").decode(buf.subarray(0, bytesRead));
    if (text.charCodeAt(0) === 65279) text = text.slice(1);
    let inQuote = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') inQuote = !inQuote;
      else if ((ch === "\n" || ch === "\r") && !inQuote) return text.slice(0, i);
    }
    return text;
  } finally {
    await fh.close();
  }
}
function headerDialect(header) {
  const counts = DELIMITER_CANDIDATES.map((d) => countOutsideQuotes(header, d));
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = counts[best] > 0 ? DELIMITER_CANDIDATES[best] : ",";
  return { delimiter, quote: '"', escape: '"', columns: splitHeader(header, delimiter) };
}
function countOutsideQuotes(s, ch) {
  let n = 0;
  let inQuote = false;
  for (const c of s) {
    if (c === '"') inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}
function splitHeader(s, delimiter) {
  const out = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (inQuote && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else inQuote = !inQuote;
    } else if (c === delimiter && !inQuote) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((c, i) => c.trim() || `column${i}`);
}
async function physicalLineOfRecord(path, record, dialect) {
  const quote = dialect.quote ? dialect.quote.charCodeAt(0) : -1;
  const escape = dialect.escape && dialect.escape !== dialect.quote ? dialect.escape.charCodeAt(0) : -1;
  let line = 1;
  let rec = 1;
  let inQuote = false;
  let skipNext = false;
  if (record <= 1) return 1;
  for await (const chunk of createReadStream(path)) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (skipNext) {
        skipNext = false;
        if (b !== 10) continue;
      }
      if (inQuote && b === escape) skipNext = true;
      else if (b === quote) inQuote = !inQuote;
      else if (b === 10) {
        line++;
        if (!inQuote && ++rec === record) return line;
      }
    }
  }
  return line;
}

// core/ingest/json-lines.ts
import { createReadStream as createReadStream2 } from "node:fs";
var MAX_PARSED_LINE_BYTES = 256 * 1024 * 1024;
async function scanJsonLines(path) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const scan = { longest: { line: 0, bytes: 0 } };
  const splitter = new LineSplitter((l) => {
    if (scan.bad) return;
    if (l.length > scan.longest.bytes) scan.longest = { line: l.line, bytes: l.length };
    if (l.tooLong) return;
    const bad = checkJsonLine(decoder, l.bytes);
    if (bad) scan.bad = { line: l.line, ...bad };
  }, MAX_PARSED_LINE_BYTES);
  const stream = createReadStream2(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      splitter.push(chunk);
      if (scan.bad) return scan;
    }
    splitter.end();
  } finally {
    stream.destroy();
  }
  return scan;
}
function checkJsonLine(decoder, bytes) {
  let text;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { reason: "encoding" };
  }
  if (text.trim() === "") return void 0;
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? void 0 : { reason: "not-object" };
  } catch (e) {
    return { reason: "syntax", detail: e.message };
  }
}

// core/ingest/text-shape.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { open as open3 } from "node:fs/promises";
var SNIFF_BYTES = 4096;
function sniffWideEncoding(head) {
  const b = head;
  if (b.length >= 4 && b[0] === 255 && b[1] === 254 && b[2] === 0 && b[3] === 0) return "UTF-32LE";
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 254 && b[3] === 255) return "UTF-32BE";
  if (b.length >= 2 && b[0] === 255 && b[1] === 254) return "UTF-16LE";
  if (b.length >= 2 && b[0] === 254 && b[1] === 255) return "UTF-16BE";
  const pairs = Math.floor(Math.min(b.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (b[2 * i] === 0) evenNul++;
    if (b[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.1) return "UTF-16LE";
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.1) return "UTF-16BE";
  return void 0;
}
async function refuseWideEncoding(path, kind) {
  if (/\.(gz|zst)$/i.test(path)) return;
  const fh = await open3(path, "r");
  let head;
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const encoding = sniffWideEncoding(head);
  if (!encoding) return;
  const ext = kind === "CSV" ? "csv" : "jsonl";
  throw new KolmError("E_BAD_ENCODING", `${path} is ${encoding} text; kolm reads ${kind} files as UTF-8`, {
    place: { file: path },
    hint: `convert it to UTF-8, e.g. \`iconv -f ${encoding.replace(/(LE|BE)$/, "")} -t UTF-8 ${path} > converted.${ext}\` (or save it as "CSV UTF-8" from the spreadsheet)`
  });
}
async function firstMixedLineEnding(path, quote) {
  const q = quote ? quote.charCodeAt(0) : -1;
  let first;
  let line = 1;
  let inQuote = false;
  let pendingCr = false;
  const seen = (ending) => {
    if (!first) first = ending;
    else if (ending !== first) return { line, ending, first };
    line++;
    return void 0;
  };
  for await (const chunk of createReadStream3(path, { highWaterMark: 1 << 20 })) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (pendingCr) {
        pendingCr = false;
        const found = seen(c === 10 ? "CRLF" : "CR");
        if (found) return found;
        if (c === 10) continue;
      }
      if (c === q) inQuote = !inQuote;
      else if (inQuote) {
        if (c === 10 || c === 13) line += c === 10 ? 1 : 0;
      } else if (c === 13) pendingCr = true;
      else if (c === 10) {
        const found = seen("LF");
        if (found) return found;
      }
    }
  }
  if (pendingCr) return seen("CR");
  return void 0;
}

// core/ingest/read-errors.ts
var excerpt = (s) => s.length > 80 ? `${s.slice(0, 77)}...` : s;
async function csvReadError(err, file, dialect) {
  const msg = String(err?.message ?? err);
  const record = Number(/CSV Error on Line: (\d+)/.exec(msg)?.[1] ?? NaN);
  const original = /Original Line: ([^\n]*)/.exec(msg)?.[1];
  const line = Number.isFinite(record) ? await physicalLineOfRecord(file.path, record, dialect).catch(() => record) : void 0;
  const row = Number.isFinite(record) ? record - 1 : void 0;
  const place = { file: file.path, ...line !== void 0 ? { line } : {}, ...row !== void 0 ? { row } : {} };
  const at = line !== void 0 ? `${file.path} line ${line} (data row ${row})` : file.path;
  if (/Invalid unicode|not utf-8 encoded/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${at} is not valid UTF-8`, {
      place,
      hint: `re-save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8 ${file.path} > fixed.csv\`)`,
      cause: err
    });
  }
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
  if (fields) {
    return new KolmError("E_BAD_CSV", `${at} has ${fields[2]} fields but the header has ${fields[1]}${original ? `: ${excerpt(original)}` : ""}`, {
      place,
      hint: `quote fields that contain the delimiter "${printable(dialect.delimiter)}" (or line breaks) with ${dialect.quote}...${dialect.quote}, or fix the row`,
      cause: err
    });
  }
  if (/unterminated quote/i.test(msg)) {
    return new KolmError("E_BAD_CSV", `${at} opens a quote that is never closed${original ? `: ${excerpt(original)}` : ""}`, {
      place,
      hint: `close the quote, or double a quote inside a quoted field (${dialect.quote}${dialect.quote})`,
      cause: err
    });
  }
  if (/state machine reached an invalid state/i.test(msg)) {
    const mixed = await firstMixedLineEnding(file.path, dialect.quote).catch(() => void 0);
    if (mixed) {
      return new KolmError("E_BAD_CSV", `${file.path} line ${mixed.line} ends with ${mixed.ending}, but line 1 ends with ${mixed.first}: the file mixes line endings`, {
        place: { file: file.path, line: mixed.line },
        hint: `give every line the same ending, e.g. \`sed -i 's/\\r$//' ${file.path}\` (or dos2unix) for LF throughout`,
        cause: err
      });
    }
  }
  return new KolmError("E_BAD_CSV", `${at} cannot be read as CSV: ${firstLine(msg)}`, {
    place,
    hint: "check the file is a CSV with a header row, one record per row",
    cause: err
  });
}
function parquetReadError(err, file) {
  const msg = String(err?.message ?? err);
  if (/magic bytes|not a parquet file|parquet/i.test(msg)) {
    return new KolmError("E_BAD_PARQUET", `${file.path} is not a readable Parquet file: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: "export it again as Parquet, or give it the extension of what it holds (.csv, .jsonl)",
      cause: err
    });
  }
  if (/utf-?8|unicode/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${file.path} holds text that is not valid UTF-8: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: "write the string columns as UTF-8",
      cause: err
    });
  }
  return new KolmError("E_BAD_PARQUET", `${file.path} cannot be read: ${firstLine(msg)}`, { place: { file: file.path }, cause: err });
}
var DUCKDB_MAX_OBJECT_BYTES = 16 * 1024 * 1024;
var LONG_LINE_BYTES = 1024 * 1024;
async function jsonReadError(err, file) {
  const msg = String(err?.message ?? err);
  const scan = await scanJsonLines(file.path).catch(() => void 0);
  const bad = scan?.bad;
  const sizeLimit = /maximum_object_size/i.test(msg);
  const memory = /Out of Memory/i.test(msg) && (scan?.longest.bytes ?? 0) >= LONG_LINE_BYTES;
  if (!bad && scan && (sizeLimit || memory)) {
    const { line, bytes } = scan.longest;
    const mb = (bytes / 1e6).toFixed(1);
    const what2 = sizeLimit ? `is ${mb} MB, over the ${DUCKDB_MAX_OBJECT_BYTES / 1024 / 1024} MiB that DuckDB reads as one JSON object (the JSON itself is valid)` : `is ${mb} MB; DuckDB ran out of its memory limit reading it (the JSON itself is valid)`;
    return new KolmError("E_BAD_JSONL", `${file.path} line ${line} ${what2}`, {
      place: { file: file.path, line },
      hint: `shorten that row (split a long document into several rows, or drop it), or export the dataset as Parquet, which has no per-row size limit`,
      cause: err
    });
  }
  const place = { file: file.path, ...bad ? { line: bad.line } : {} };
  const at = bad ? `${file.path} line ${bad.line}` : file.path;
  if (bad?.reason === "encoding" || /invalid UTF-8/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${at} is not valid UTF-8`, { place, hint: "re-save the file as UTF-8", cause: err });
  }
  const what = bad?.reason === "not-object" ? "is not a JSON object" : bad ? `is not valid JSON${bad.detail ? ` (${bad.detail})` : ""}` : `cannot be read as JSON lines: ${firstLine(msg)}`;
  return new KolmError("E_BAD_JSONL", `${at} ${what}`, {
    place,
    hint: 'each line must be one JSON object such as {"column": "value", ...}',
    cause: err
  });
}
function notObjectError(file, line) {
  return new KolmError("E_BAD_JSONL", `${file.path}${line ? ` line ${line}` : ""} is not a JSON object`, {
    place: { file: file.path, ...line ? { line } : {} },
    hint: 'each line must be one JSON object such as {"column": "value", ...}'
  });
}
async function locateBadJsonLine(path) {
  return (await scanJsonLines(path)).bad;
}
function firstLine(s) {
  return s.split("\n")[0].replace(/^[A-Za-z ]+Error: /, "");
}
function printable(d) {
  return d === "	" ? "\\t" : d;
}

// core/ingest/read.ts
async function openSource(conn, file) {
  switch (file.format) {
    case "csv":
      return openCsv(conn, file);
    case "parquet":
      return openParquet(conn, file);
    default:
      return openJson(conn, file);
  }
}
async function openCsv(conn, file) {
  await refuseWideEncoding(file.path, "CSV");
  const dialect = await detectCsvDialect(conn, file.path);
  const columns = dedupe(dialect.columns);
  const from = `read_csv(${filePath(file.path)}, ${LITERAL_FILE}, auto_detect=false, header=true, all_varchar=true, strict_mode=true, null_padding=false, delim=${literal(dialect.delimiter)}, quote=${literal(dialect.quote)}, escape=${literal(dialect.escape)}, columns={${columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(", ")}})`;
  return { file, columns, from, text: (name) => ident(name), readError: (err) => csvReadError(err, file, dialect) };
}
async function openParquet(conn, file) {
  const from = `read_parquet(${filePath(file.path)}, ${LITERAL_FILE})`;
  let described;
  try {
    described = await conn.all(`DESCRIBE SELECT * FROM ${from}`);
  } catch (err) {
    throw parquetReadError(err, file);
  }
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  return {
    file,
    columns: described.map((d) => d.column_name),
    from,
    text(name) {
      const type = types.get(name) ?? "VARCHAR";
      if (type === "VARCHAR") return ident(name);
      return /[[\]]|^(STRUCT|MAP|UNION)/.test(type) ? `CAST(to_json(${ident(name)}) AS VARCHAR)` : `CAST(${ident(name)} AS VARCHAR)`;
    },
    readError: async (err) => parquetReadError(err, file)
  };
}
async function openJson(conn, file) {
  await refuseWideEncoding(file.path, "JSON");
  const format = file.format === "jsonl" ? "newline_delimited" : "auto";
  const from = `read_json_objects(${filePath(file.path)}, ${LITERAL_FILE}, format=${literal(format)})`;
  let keys;
  try {
    const [row] = await conn.all(
      `SELECT count(*) FILTER (WHERE json_type(json) <> 'OBJECT') AS not_objects, list_distinct(flatten(list(json_keys(json)))) AS keys FROM ${from}`
    );
    if (Number(row?.not_objects ?? 0) > 0) {
      const bad = file.format === "jsonl" ? await locateBadJsonLine(file.path).catch(() => void 0) : void 0;
      throw notObjectError(file, bad?.line);
    }
    keys = (row?.keys ?? []).slice().sort();
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
    readError: (err) => jsonReadError(err, file)
  };
}
function dedupe(columns) {
  const seen = /* @__PURE__ */ new Set();
  return columns.map((c) => {
    let name = c;
    for (let i = 1; seen.has(name); i++) name = `${c}.${i}`;
    seen.add(name);
    return name;
  });
}

// core/ingest/load-rows.ts
async function loadRows(conn, files, mapping, warn, reporter) {
  const inputs = mapping.inputColumns;
  const inputCols = inputs.map((_, i) => `i${i}`);
  await conn.run(`CREATE TEMP TABLE kolm_rows (f INTEGER, ${inputCols.map((c) => `${c} VARCHAR`).join(", ")}, o VARCHAR, s VARCHAR)`);
  await conn.run(`CREATE TEMP MACRO kolm_blank(x) AS x < '!' AND trim(x, ${literal(" 	\n\v\f\r")}) = ''`);
  const plans = [];
  let pos = 0;
  for (const [index, file] of files.entries()) {
    reporter.progress({ stage: "ingest:read", done: index, total: files.length, message: file.path });
    const source = await openSource(conn, file);
    const wanted = [
      ...inputs.map((name) => ({ name, role: "input" })),
      { name: mapping.outputColumn, role: "output" }
    ];
    const originals = resolveColumns(file.path, source.columns, wanted);
    const plan = planSplit(file, source.columns, mapping, warn);
    const fromColumn = plan.splitColumn !== void 0;
    const cells = [
      ...inputs.map((n, i) => `${source.text(originals.get(n))} AS i${i}`),
      `${source.text(originals.get(mapping.outputColumn))} AS o`,
      `${fromColumn ? source.text(plan.splitColumn) : "NULL"} AS s`
    ];
    let rows;
    try {
      rows = await conn.run(
        `INSERT INTO kolm_rows SELECT ${index}, ${cells.join(", ")} FROM ${source.from}`
      );
    } catch (err) {
      throw await source.readError(err);
    }
    if (rows === 0) {
      throw new KolmError("E_EMPTY_FILE", `${file.path} has no data rows`, {
        place: { file: file.path },
        hint: "export the dataset again, or leave this file out of --export"
      });
    }
    plans.push({ ...plan, index, firstPos: pos, rows });
    pos += rows;
  }
  reporter.progress({ stage: "ingest:read", done: files.length, total: files.length });
  const rowInFile = `(rowid - CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${p.firstPos - 1}`).join(" ")} END)`;
  const fileName = `CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${literal(basename2(p.file.path))}`).join(" ")} END`;
  await checkSplitValues(conn, plans, rowInFile);
  return { plans, total: pos, inputCols, rowInFile, fileName };
}

// core/ingest/describe-rows.ts
async function describeRows(conn, plans, inputKey, inputLength, nullable, severalSplits) {
  const nullSums = nullable.map((c, i) => `, count(*) FILTER (WHERE ${c} IS NULL) AS null${i}`).join("");
  let rows;
  if (plans?.every((p) => p.fixedSplit !== void 0)) {
    const quick = await conn.all(`SELECT f, count(*) AS n, count(*) FILTER (WHERE o IS NULL OR o < '!' OR i0 IS NULL OR i0 < '!') AS maybe${nullSums}
      FROM kolm_rows GROUP BY f`);
    if (quick.every((q) => Number(q.maybe) === 0)) {
      rows = quick.map((q) => ({ ...q, drop_code: null, split: plans[Number(q.f)].fixedSplit }));
    }
  }
  rows ??= await conn.all(`SELECT f, drop_code, split, count(*) AS n${nullSums} FROM kolm_v GROUP BY ALL`);
  const counts = rows.map((c) => ({
    f: Number(c.f),
    drop_code: c.drop_code === null ? null : Number(c.drop_code),
    split: c.split === null ? null : Number(c.split),
    n: Number(c.n),
    nulls: nullable.map((_, i) => Number(c[`null${i}`]))
  }));
  const kept = counts.filter((c) => c.drop_code === null);
  const from = counts.some((c) => c.drop_code !== null) ? "FROM kolm_v WHERE drop_code IS NULL" : "FROM kolm_v";
  const [inputs] = await conn.all(`SELECT count(*) AS distinct_in,
      count(*) FILTER (WHERE ho_min <> ho_max) AS conflicting_inputs,
      coalesce(sum(n) FILTER (WHERE ho_min <> ho_max), 0) AS conflicting_rows,
      ${severalSplits ? "count(*) FILTER (WHERE split_min <> split_max)" : "0"} AS several_splits
    FROM (SELECT hash(${inputKey}) AS hi, count(*) AS n, min(hash(o)) AS ho_min, max(hash(o)) AS ho_max
      ${severalSplits ? ", min(split) AS split_min, max(split) AS split_max" : ""} ${from} GROUP BY hi)`);
  const [outputs] = await conn.all(`SELECT count(DISTINCT hash(o)) AS distinct_out ${from}`);
  const hist = await conn.all(`SELECT 0 AS side, ${inputLength} AS l, count(*) AS n ${from} GROUP BY l
    UNION ALL SELECT 1 AS side, length(o) AS l, count(*) AS n ${from} GROUP BY l`);
  return {
    counts,
    distinctInputs: Number(inputs.distinct_in),
    distinctOutputs: Number(outputs.distinct_out),
    conflictingInputs: Number(inputs.conflicting_inputs),
    conflictingRows: Number(inputs.conflicting_rows),
    severalSplits: Number(inputs.several_splits),
    nullCells: nullable.map((_, i) => sum(kept.map((c) => c.nulls[i]))),
    inputLength: histogramStats(hist.filter((h) => Number(h.side) === 0)),
    outputLength: histogramStats(hist.filter((h) => Number(h.side) === 1))
  };
}
function histogramStats(histogram) {
  const bins = (histogram ?? []).map((b) => ({ l: Number(b.l), n: Number(b.n) })).sort((a, b) => a.l - b.l);
  const total = sum(bins.map((b) => b.n));
  if (total === 0) return { min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const at = (q) => {
    const scaled = q * total;
    const rank = Math.max(1, Math.ceil(scaled));
    let seen = 0;
    for (const b of bins) {
      seen += b.n;
      if (seen >= rank) return b.l;
    }
    return bins[bins.length - 1].l;
  };
  const mean = sum(bins.map((b) => b.l * b.n)) / total;
  return { min: bins[0].l, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: bins[bins.length - 1].l, mean: Math.round(mean * 10) / 10 };
}
function sum(xs) {
  return xs.reduce((a, b) => a + b, 0);
}

// core/ingest/summarize-rows.ts
var EXAMPLE_CHARS = 200;
async function summarizeRows(conn, rows, classified, mapping, outDir, warn) {
  const { plans, inputCols } = rows;
  const { sampled, keepCount } = classified;
  const inputs = mapping.inputColumns;
  const multi = inputs.length > 1;
  const inputKey = multi ? `[${inputCols.map((c) => `coalesce(${c}, '')`).join(", ")}]` : "i0";
  const inputLength = multi ? inputCols.map((c) => `length(coalesce(${c}, ''))`).join(" + ") : "length(i0)";
  const fixedSplits = new Set(plans.map((p) => p.fixedSplit));
  const severalSplits = fixedSplits.size > 1 || fixedSplits.has(void 0);
  const described = await describeRows(conn, sampled ? void 0 : plans, inputKey, inputLength, multi ? inputCols : [], severalSplits);
  const fileReports = countPerFile(plans, described.counts);
  const totals = totalsOf(fileReports);
  const kept = totals.rowsOut.train + totals.rowsOut.validation + totals.rowsOut.test;
  if (kept === 0) throw noRowsError(totals, plans, mapping);
  if (totals.rowsOut.train === 0) warn("no rows went to train: every kept row is validation or test");
  for (const r of DROP_REASONS) {
    if (totals.dropped[r] > 0) warn(`${totals.dropped[r]} row(s) dropped: ${DROP_REASON_TEXT[r]}`);
  }
  const duplicates = await findDuplicates(conn, described, kept, inputKey, inputs);
  const distinctOut = described.distinctOutputs;
  const counts = distinctOut <= LABEL_COUNTS_MAX ? await outputCounts(conn) : [];
  const top = distinctOut <= LABEL_COUNTS_MAX ? counts.slice(0, 10) : void 0;
  if (duplicates.conflictingInputs > 0) {
    warn(`${duplicates.conflictingInputs} input(s) appear with different outputs (${duplicates.conflictingRows} rows)`);
  }
  if (duplicates.inputsInSeveralSplits > 0) {
    warn(`${duplicates.inputsInSeveralSplits} input(s) appear in more than one split (train/validation/test leakage)`);
  }
  return {
    version: 1,
    outDir,
    outputs: SPLIT_NAMES.map((name) => ({ file: `${name}.jsonl`, rows: totals.rowsOut[name] })).filter((o) => o.rows > 0),
    files: fileReports,
    totals,
    ...sampled ? { sampling: { ...mapping.sampling, kept: keepCount } } : {},
    input: {
      columns: [...inputs],
      kind: multi ? "object" : "string",
      ...multi ? { nullCells: Object.fromEntries(inputs.map((n, i) => [n, described.nullCells[i]])) } : {},
      length: described.inputLength
    },
    output: {
      column: mapping.outputColumn,
      length: described.outputLength,
      distinct: distinctOut,
      ...top ? { top } : {},
      labelLike: looksLikeLabels(distinctOut, counts)
    },
    duplicates
  };
}
function countPerFile(plans, counts) {
  const fileReports = plans.map((p) => ({
    file: p.file.path,
    format: p.file.format,
    rowsIn: p.rows,
    sampledOut: 0,
    dropped: emptyDropCounts(),
    rowsOut: { train: 0, validation: 0, test: 0 },
    splitSource: p.splitSource,
    ...p.splitColumn !== void 0 ? { splitColumn: p.splitColumn } : {}
  }));
  for (const c of counts) {
    const fr = fileReports[Number(c.f)];
    const n = Number(c.n);
    if (c.drop_code === DROP_CODE.sampled_out) fr.sampledOut += n;
    else if (c.drop_code !== null) fr.dropped[DROP_REASONS[Number(c.drop_code) - 1]] += n;
    else fr.rowsOut[SPLIT_NAMES[Number(c.split)]] += n;
  }
  return fileReports;
}
function totalsOf(fileReports) {
  return {
    rowsIn: sum(fileReports.map((f) => f.rowsIn)),
    sampledOut: sum(fileReports.map((f) => f.sampledOut)),
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, sum(fileReports.map((f) => f.dropped[r]))])),
    rowsOut: Object.fromEntries(SPLIT_NAMES.map((s) => [s, sum(fileReports.map((f) => f.rowsOut[s]))]))
  };
}
function noRowsError(totals, plans, mapping) {
  const reasons = DROP_REASONS.filter((r) => totals.dropped[r] > 0).map((r) => `${totals.dropped[r]} ${DROP_REASON_TEXT[r]}`);
  return new KolmError("E_NO_ROWS", `no rows left to write: ${totals.rowsIn} read${reasons.length ? `, dropped: ${reasons.join("; ")}` : ""}`, {
    place: { path: plans.map((p) => p.file.path).join(", ") },
    hint: `check that "${mapping.outputColumn}" and ${mapping.inputColumns.map((c) => `"${c}"`).join(", ")} are the right columns and hold text`
  });
}
var KEPT = "FROM kolm_v WHERE drop_code IS NULL";
async function findDuplicates(conn, described, kept, inputKey, inputs) {
  let exact;
  let conflictRows = [];
  if (described.conflictingInputs === 0) {
    exact = kept - described.distinctInputs;
  } else {
    const [pairs] = await conn.all(`SELECT count(DISTINCT hash(${inputKey}, o)) AS n ${KEPT}`);
    exact = kept - Number(pairs.n);
    conflictRows = await conn.all(`SELECT ${inputKey} AS k, list(DISTINCT o ORDER BY o) AS outs, count(*) AS n, min(pos) AS first
        ${KEPT} GROUP BY k HAVING count(DISTINCT o) > 1 ORDER BY first LIMIT 5`);
  }
  return {
    exact,
    conflictingInputs: described.conflictingInputs,
    conflictingRows: described.conflictingRows,
    examples: conflictRows.map((r) => conflictExample(r, inputs)),
    inputsInSeveralSplits: described.severalSplits
  };
}
async function outputCounts(conn) {
  return (await conn.all(`SELECT o AS value, count(*) AS count ${KEPT} GROUP BY o ORDER BY count DESC, o`)).map((r) => ({
    value: String(r.value),
    count: Number(r.count)
  }));
}
function conflictExample(row, inputs) {
  const cut = (s) => s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 3)}...` : s;
  const key = row.k;
  const input = Array.isArray(key) ? Object.fromEntries(inputs.map((n, i) => [n, cut(String(key[i]))])) : cut(String(key));
  return { input, outputs: row.outs.map(cut), rows: Number(row.n) };
}

// core/ingest/write-outputs.ts
import { rm, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
async function writeOutputs(conn, rows, classified, mapping, report, outDir, reporter) {
  const { plans } = rows;
  const { outputs, files: fileReports } = report;
  const inputs = mapping.inputColumns;
  const inputExpr = inputs.length > 1 ? `struct_pack(${inputs.map((n, i) => `${ident(n)} := coalesce(i${i}, '')`).join(", ")})` : "i0";
  const keepsOrder = !classified.sampled && mapping.split?.type !== "random";
  const whereFor = (split) => {
    const name = SPLIT_NAMES[split];
    const mine = fileReports.filter((f) => f.rowsOut[name] > 0);
    const conds = [];
    const dropsAny = mine.some((f) => f.sampledOut > 0 || DROP_REASONS.some((r) => f.dropped[r] > 0));
    if (dropsAny) conds.push("drop_code IS NULL");
    const rowSplit = mine.some((f) => SPLIT_NAMES.some((s) => s !== name && f.rowsOut[s] > 0));
    if (rowSplit) conds.push(`split = ${split}`);
    else if (mine.length < fileReports.length) {
      const ranges = plans.filter((p) => mine.some((f) => f === fileReports[p.index])).map((p) => `pos BETWEEN ${p.firstPos} AND ${p.firstPos + p.rows - 1}`);
      conds.push(`(${ranges.join(" OR ")})`);
    }
    return conds.length ? ` WHERE ${conds.join(" AND ")}` : "";
  };
  const targets = [...outputs.map((o) => join2(outDir, o.file)), join2(outDir, "report.json")];
  await commitFilesAtomic(targets, async (temps) => {
    for (const [i, o] of outputs.entries()) {
      reporter.progress({ stage: "ingest:write", done: i, total: outputs.length, message: o.file });
      const split = SPLIT_NAMES.indexOf(o.file.replace(".jsonl", ""));
      try {
        await conn.run(
          `COPY (SELECT ${inputExpr} AS input, o AS output FROM kolm_v${whereFor(split)}${keepsOrder ? "" : " ORDER BY pos"}) TO ${literal(temps[i])} (FORMAT json)`
        );
      } catch (err) {
        throw new KolmError("E_WRITE_FAILED", `could not write ${join2(outDir, o.file)}: ${err.message.split("\n")[0]}`, {
          place: { file: join2(outDir, o.file) },
          hint: "check that the folder is writable and the disk has space",
          cause: err
        });
      }
    }
    await writeFile(temps[temps.length - 1], `${JSON.stringify(report, null, 2)}
`);
  });
  for (const name of SPLIT_NAMES) {
    if (!outputs.some((o) => o.file === `${name}.jsonl`)) await rm(join2(outDir, `${name}.jsonl`), { force: true });
  }
  reporter.progress({ stage: "ingest:write", done: outputs.length, total: outputs.length });
}

// core/ingest/convert.ts
async function convertExport(options, reporter = silentReporter) {
  const { mapping, outDir } = options;
  checkMapping(mapping);
  const files = await resolveDataFiles(options.exportPaths);
  const conn = await options.db.connect();
  try {
    return await convertWith(conn, files, mapping, outDir, reporter);
  } finally {
    conn.close();
  }
}
async function convertWith(conn, files, mapping, outDir, reporter) {
  const warnings = [];
  const warn = (m) => {
    warnings.push(m);
    reporter.warn(m);
  };
  const rows = await loadRows(conn, files, mapping, warn, reporter);
  const classified = await classifyRows(conn, rows, mapping, reporter);
  const report = { ...await summarizeRows(conn, rows, classified, mapping, outDir, warn), warnings };
  await writeOutputs(conn, rows, classified, mapping, report, outDir, reporter);
  return report;
}
function checkMapping(mapping) {
  if (mapping.inputColumns.length === 0) {
    throw new KolmError("E_BAD_CONFIG", "the config names no input column", { hint: "add an input feature or a prompt.template that reads a column" });
  }
  const s = mapping.sampling;
  if (s?.ratio !== void 0 && !(s.ratio > 0 && s.ratio <= 1)) {
    throw new KolmError("E_BAD_CONFIG", `preprocessing.sample_ratio must be in (0, 1], got ${s.ratio}`, { hint: "set a ratio such as 0.5" });
  }
  if (s?.size !== void 0 && !(Number.isInteger(s.size) && s.size > 0)) {
    throw new KolmError("E_BAD_CONFIG", `preprocessing.sample_size must be a positive whole number, got ${s.size}`, { hint: "set a row count such as 1000" });
  }
  if (mapping.split?.type === "random") {
    const p = mapping.split.probabilities;
    if (p.some((x) => !(x >= 0)) || Math.abs(p[0] + p[1] + p[2] - 1) > 1e-6) {
      throw new KolmError("E_BAD_CONFIG", `preprocessing.split.probabilities must be three numbers summing to 1, got [${p.join(", ")}]`, {
        hint: "for example [0.7, 0.1, 0.2]"
      });
    }
  }
}

// core/ingest/duckdb.ts
import { mkdtempSync, rmSync } from "node:fs";
import { join as join3 } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
async function openIngestDb({ memoryLimit = "256MB", threads, tmpDir }) {
  const spillDir = mkdtempSync(join3(tmpDir, "kolm-duckdb-"));
  tempPaths.add(spillDir);
  const config = { memory_limit: memoryLimit, temp_directory: spillDir };
  if (threads) config.threads = String(threads);
  let instance;
  try {
    instance = await DuckDBInstance.create(":memory:", config);
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
    }
  };
}
function wrap(conn) {
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
    }
  };
}
function plain(row) {
  const out = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}
function toPlain(v) {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

export {
  DROP_REASONS,
  DROP_REASON_TEXT,
  SUPPORTED_EXTENSIONS,
  formatOf,
  resolveDataFiles,
  convertExport,
  openIngestDb
};
