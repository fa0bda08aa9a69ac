import {
  tempPaths
} from "./chunk-QMXGNTLL.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// core/fs/atomic.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
function tempPathFor(target) {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
}
async function writeFileAtomic(target, data) {
  await ensureFolder(dirname(target));
  const tmp = tempPathFor(target);
  tempPaths.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw await writeError(target, err);
  } finally {
    tempPaths.delete(tmp);
  }
}
async function commitFilesAtomic(targets, produce) {
  for (const t of targets) await ensureFolder(dirname(t));
  for (const t of targets) await refuseFolderAt(t);
  const temps = targets.map(tempPathFor);
  for (const t of temps) tempPaths.add(t);
  let current = targets[0] ?? "";
  try {
    const result = await produce(temps);
    for (let i = 0; i < targets.length; i++) {
      current = targets[i];
      await rename(temps[i], targets[i]);
    }
    return result;
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (isKolmError(err) || typeof err?.code !== "string") throw err;
    throw await writeError(current, err);
  } finally {
    for (const t of temps) tempPaths.delete(t);
  }
}
async function ensureFolder(dir) {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = err.code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      const file = await firstFileOnPath(dir);
      throw new KolmError("E_WRITE_FAILED", `cannot write into ${dir}: ${file ?? dir} is a file, not a folder`, {
        hint: "pass a folder to --out (a new one, or an existing folder), not a file",
        place: { path: file ?? dir },
        cause: err
      });
    }
    throw await writeError(dir, err);
  }
}
async function refuseFolderAt(target) {
  const st = await stat(target).catch(() => void 0);
  if (st?.isDirectory()) {
    throw new KolmError("E_WRITE_FAILED", `cannot write ${target}: a folder of that name is in the way`, {
      hint: "remove or rename that folder, or write somewhere else",
      place: { path: target }
    });
  }
}
async function firstFileOnPath(dir) {
  for (let p = dir; ; p = dirname(p)) {
    const st = await stat(p).catch(() => void 0);
    if (st && !st.isDirectory()) return p;
    if (dirname(p) === p) return void 0;
  }
}
async function writeError(target, err) {
  const code = err?.code;
  const st = await stat(target).catch(() => void 0);
  if (st?.isDirectory() || code === "EISDIR") {
    return new KolmError("E_WRITE_FAILED", `cannot write ${target}: it is a folder, and kolm writes a file there`, {
      hint: "pass a file path (e.g. out/model.kolm), or remove or rename that folder",
      place: { path: target },
      cause: err
    });
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new KolmError("E_WRITE_FAILED", `cannot write ${target}: permission denied${code === "EROFS" ? " (read-only file system)" : ""}`, {
      hint: "write somewhere you may write, or fix the folder permissions",
      place: { path: target },
      cause: err
    });
  }
  return new KolmError("E_WRITE_FAILED", `could not write ${target}: ${err?.message ?? String(err)}`, {
    hint: "check that the folder exists, is writable and the disk has space",
    place: { file: target },
    cause: err
  });
}

export {
  tempPathFor,
  writeFileAtomic,
  commitFilesAtomic,
  ensureFolder
};
