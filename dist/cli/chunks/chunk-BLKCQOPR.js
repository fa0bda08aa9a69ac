// core/printable.ts
var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
var UNSAFE_NO_NEWLINES = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function printable(text, { newlines = true } = {}) {
  return text.replace(newlines ? UNSAFE : UNSAFE_NO_NEWLINES, escapeOne);
}
function escapeOne(ch) {
  const code = ch.charCodeAt(0);
  if (ch === "\r") return "\\r";
  if (ch === "\n") return "\\n";
  if (code <= 255) return `\\x${code.toString(16).padStart(2, "0")}`;
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

export {
  printable
};
