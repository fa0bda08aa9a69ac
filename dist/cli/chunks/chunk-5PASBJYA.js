// core/seeds/lines.ts
var DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
var LineSplitter = class {
  constructor(onLine, maxLineBytes = DEFAULT_MAX_LINE_BYTES) {
    this.onLine = onLine;
    this.maxLineBytes = maxLineBytes;
  }
  onLine;
  maxLineBytes;
  parts = [];
  partBytes = 0;
  overflow = false;
  lineNo = 0;
  /** Lines emitted so far. */
  get lines() {
    return this.lineNo;
  }
  push(chunk) {
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
  end() {
    if (this.partBytes > 0 || this.overflow) this.emitKept();
  }
  keep(bytes) {
    if (bytes.length === 0) return;
    this.partBytes += bytes.length;
    if (this.overflow) return;
    if (this.partBytes > this.maxLineBytes) {
      this.overflow = true;
      this.parts = [];
      return;
    }
    this.parts.push(Uint8Array.prototype.slice.call(bytes));
  }
  emitKept() {
    const length = this.partBytes;
    if (this.overflow) {
      this.lineNo++;
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
    } else {
      const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, length);
      this.emit(bytes, length);
    }
    this.parts = [];
    this.partBytes = 0;
    this.overflow = false;
  }
  emit(bytes, length) {
    this.lineNo++;
    if (length > this.maxLineBytes) {
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
      return;
    }
    const trimmed = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
    this.onLine({ line: this.lineNo, bytes: trimmed, tooLong: false, length });
  }
};
function firstInvalidUtf8Offset(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let lo = 128;
    let hi = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) lo = 160;
      if (b === 237) hi = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) lo = 144;
      if (b === 244) hi = 143;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0) return i;
      if (k === 1 ? c < lo || c > hi : c < 128 || c > 191) return i;
    }
    i += need + 1;
  }
  return -1;
}

export {
  DEFAULT_MAX_LINE_BYTES,
  LineSplitter,
  firstInvalidUtf8Offset
};
