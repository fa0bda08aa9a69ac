// The bearer token must never reach a message, log line, cache file or thrown error, even when a server
// echoes it back (some gateways quote the Authorization header in their 401 bodies). Every string that
// leaves the remote client for the caller passes through a Redactor.

export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

/** A redactor for the given secrets (also their URL-encoded forms); empty secrets are ignored. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const list = [...forms].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}
