// Text that did not come from kolm (an artifact's task and names, a manifest's unknown keys, a server's
// generated text, a file's column names) can hold terminal control sequences: ESC/CSI/OSC set the window
// title, clear the screen, rewrite earlier lines or make links; a lone CR overwrites the line; bidi
// overrides reorder what is shown. Everything printed that did not come from kolm passes through here.

export interface PrintableOptions {
  /** Keep line breaks (multi-line messages); otherwise "\n" is shown as \n too. Default true. */
  newlines?: boolean;
}

// C0 controls but TAB and LF, DEL, C1 controls (U+0080–U+009F: U+009B is a one-byte CSI), and the Unicode
// bidi controls (LRE…RLO, LRI…PDI, and the marks) that reorder text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_NO_NEWLINES = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character shown as a visible escape (`\x1b`, `\r`, `\u202e`), nothing removed. */
export function printable(text: string, { newlines = true }: PrintableOptions = {}): string {
  return text.replace(newlines ? UNSAFE : UNSAFE_NO_NEWLINES, escapeOne);
}

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\r') return '\\r';
  if (ch === '\n') return '\\n';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
