// Reading a POST body the way axum's Json extractor does, within the server's limits: refused on its
// headers when it is not JSON or announces too many bytes, answered 413 as soon as it grows past the
// limit, and a 400 when it is not UTF-8 JSON. After a 413 the rest of the body is read and dropped (up to
// a bound) before the connection closes, so a client still uploading reads the 413 instead of a broken pipe.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { badJsonError, mediaTypeError, tooLargeError, type ServeError } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * How much of an oversized body is read and dropped after its 413 (past it, or past the body deadline, the
 * connection is cut): enough that a client which uploads everything before it reads (Python's http.client,
 * node's http) gets its answer for any body a person would send by mistake. Costs bandwidth, not memory.
 */
export const discardBound = (limit: number) => 64 * limit;

/**
 * A body refused on its headers alone: not JSON (415), or a Content-Length past the limit (413). A client
 * that announced an absurd body (past discardBound) will not get it read: `close` says end the connection.
 */
export function refuseBody(headers: IncomingHttpHeaders, limit: number): { error: ServeError; close: boolean } | null {
  const type = headers['content-type'];
  if (!type || !JSON_MEDIA_TYPE.test(type)) return { error: mediaTypeError(), close: false };
  const declared = Number(headers['content-length']);
  if (declared > limit) return { error: tooLargeError(limit), close: declared > discardBound(limit) };
  return null;
}

export type BodyRead = { kind: 'json'; body: unknown } | { kind: 'too_large'; error: ServeError } | { kind: 'bad_json'; error: ServeError };

/**
 * Read the body as UTF-8 JSON of at most `limit` bytes. `onChunk` hears each chunk's size as it arrives
 * (for the log line). `done` is called once: with too_large as soon as the body passes the limit (this
 * reader then stops listening: the caller discards the rest), else at the end with the parsed value or bad_json.
 */
export function readJsonBody(req: IncomingMessage, limit: number, onChunk: (bytes: number) => void, done: (read: BodyRead) => void): void {
  const parts: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    onChunk(chunk.length);
    if (size > limit) {
      parts.length = 0;
      req.off('data', onData);
      req.off('end', onEnd);
      done({ kind: 'too_large', error: tooLargeError(limit) });
      return;
    }
    parts.push(chunk);
  };
  req.on('data', onData);
  req.on('error', () => {}); // an aborted upload: the handler's 'close' listener logs it
  req.on('end', onEnd);
  function onEnd() {
    let body: unknown;
    try {
      const text = utf8.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      body = JSON.parse(text);
    } catch (err) {
      const detail = err instanceof SyntaxError ? err.message : 'the body is not UTF-8';
      return done({ kind: 'bad_json', error: badJsonError(detail) });
    }
    done({ kind: 'json', body });
  }
}

/**
 * Read and drop the rest of a body whose answer is already written: `finished(true)` once it has ended,
 * `finished(false)` as soon as more than `bound` bytes came (the caller then cuts the connection).
 * Called once; nothing is kept in memory.
 */
export function discardBody(req: IncomingMessage, bound: number, finished: (complete: boolean) => void): void {
  let seen = 0;
  let called = false;
  const end = (complete: boolean) => {
    if (called) return;
    called = true;
    req.off('data', onData);
    finished(complete);
  };
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > bound) end(false);
  };
  if (req.readableEnded) return end(true);
  req.on('data', onData);
  req.on('error', () => {});
  req.once('end', () => end(true));
  req.resume();
}
