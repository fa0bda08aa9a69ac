// Byte-level line splitting for JSONL, so a file of any size is read in constant memory (bounded by the
// longest line, which is itself capped). Lines are cut at 0x0A bytes: in UTF-8 that byte never occurs
// inside a multi-byte sequence, so each line can be decoded on its own. A trailing "\r" is dropped (CRLF).

/** One line's bytes (without "\n" or "\r\n") and its 1-based number; `tooLong` when it passed the cap. */
export interface RawLine {
  line: number;
  bytes: Uint8Array;
  /** The line was longer than `maxLineBytes`; `bytes` is empty and `length` holds its byte length. */
  tooLong: boolean;
  length: number;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Push chunks, get complete lines through `onLine`; call `end()` for the last line when the input does not
 * end in "\n". A line over `maxLineBytes` is not buffered past the cap: it is reported as `tooLong`.
 */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  private overflow = false;
  private lineNo = 0;

  constructor(
    private readonly onLine: (line: RawLine) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  /** Lines emitted so far. */
  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      if (this.partBytes === 0 && !this.overflow) {
        this.emit(chunk.subarray(start, nl), nl - start);
      } else {
        this.keep(chunk.subarray(start, nl));
        this.emitKept();
      }
      start = nl + 1;
    }
  }

  end(): void {
    if (this.partBytes > 0 || this.overflow) this.emitKept();
  }

  private keep(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.partBytes += bytes.length;
    if (this.overflow) return;
    if (this.partBytes > this.maxLineBytes) {
      this.overflow = true;
      this.parts = [];
      return;
    }
    // Copy: the stream may reuse its chunk buffers.
    this.parts.push(Uint8Array.prototype.slice.call(bytes));
  }

  private emitKept(): void {
    const length = this.partBytes;
    if (this.overflow) {
      this.lineNo++;
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
    } else {
      const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, length);
      this.emit(bytes, length);
    }
    this.parts = [];
    this.partBytes = 0;
    this.overflow = false;
  }

  private emit(bytes: Uint8Array, length: number): void {
    this.lineNo++;
    if (length > this.maxLineBytes) {
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
      return;
    }
    const trimmed = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
    this.onLine({ line: this.lineNo, bytes: trimmed, tooLong: false, length });
  }
}

/**
 * Byte offset of the first byte that is not valid UTF-8 (WHATWG rules: no overlongs, no surrogates, nothing
 * past U+10FFFF), or -1. Only called after a fatal decoder refused the line, to say where.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
