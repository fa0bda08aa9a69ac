// The one sticky PR comment: found by a hidden marker at the very top of its body (so truncating a long
// report never cuts it off), searched through every page of the PR's comments, and updated in place.
// Each workflow/job (and matrix leg, through the key) owns one slot.

/** The GitHub calls the upsert needs; action/github.ts implements them over Octokit. */
export interface CommentApi {
  /** Pages of the PR's comments, oldest first; the caller may stop early. */
  comments(issue: number): AsyncIterable<readonly { id: number; body?: string | null }[]>;
  create(issue: number, body: string): Promise<{ id: number; html_url?: string }>;
  update(id: number, body: string): Promise<{ id: number; html_url?: string }>;
}

/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export function commentMarker(key: string): string {
  // The key is user text inside an HTML comment: keep "--" (and so "-->") out of it.
  return `<!-- kolm-migrate:report key=${key.replace(/-{2,}/g, '-').replace(/[\r\n]+/g, ' ').trim()} -->`;
}

/** Marker first, then the body, cut to GitHub's limit with a note saying where the full report is. */
export function commentBody(key: string, markdown: string, fullReport = 'the job summary and the uploaded artifact'): string {
  const head = `${commentMarker(key)}\n`;
  const body = head + markdown;
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const note = `\n\n… cut to fit GitHub's comment limit; the full report is in ${fullReport}.\n`;
  return head + markdown.slice(0, MAX_COMMENT_CHARS - head.length - note.length) + note;
}

export interface UpsertResult {
  id: number;
  url?: string;
  action: 'created' | 'updated';
}

export async function upsertComment(api: CommentApi, issue: number, key: string, markdown: string): Promise<UpsertResult> {
  const marker = commentMarker(key);
  const body = commentBody(key, markdown);
  for await (const page of api.comments(issue)) {
    const mine = page.find((c) => c.body?.startsWith(marker));
    if (mine) {
      const updated = await api.update(mine.id, body);
      return { id: updated.id, url: updated.html_url, action: 'updated' };
    }
  }
  const created = await api.create(issue, body);
  return { id: created.id, url: created.html_url, action: 'created' };
}
