// Building and slicing the sparse training matrix.
import type { Csr } from './train.ts';
import type { BucketCounts, Vectorizer } from './vectorize.ts';

/** Every document through the vectorizer (from its counted buckets: no re-hashing). */
export function csrOfCounts(vec: Vectorizer, docs: readonly BucketCounts[]): Csr {
  const ptr = new Int32Array(docs.length + 1);
  let nnz = 0;
  for (let i = 0; i < docs.length; i++) nnz += docs[i]!.buckets.length;
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  let at = 0;
  docs.forEach((d, i) => {
    const n = vec.vectorizeCounts(d);
    cols.set(vec.outRows.subarray(0, n), at);
    vals.set(vec.outValues.subarray(0, n), at);
    at += n;
    ptr[i + 1] = at;
  });
  return { n: docs.length, features: vec.rows, ptr, cols: cols.slice(0, at), vals: vals.slice(0, at) };
}

export function subsetRows(X: Csr, idx: readonly number[]): Csr {
  const ptr = new Int32Array(idx.length + 1);
  let nnz = 0;
  idx.forEach((i, j) => {
    nnz += X.ptr[i + 1]! - X.ptr[i]!;
    ptr[j + 1] = nnz;
  });
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  idx.forEach((i, j) => {
    cols.set(X.cols.subarray(X.ptr[i]!, X.ptr[i + 1]!), ptr[j]!);
    vals.set(X.vals.subarray(X.ptr[i]!, X.ptr[i + 1]!), ptr[j]!);
  });
  return { n: idx.length, features: X.features, ptr, cols, vals };
}
