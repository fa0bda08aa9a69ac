import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { commentBody, commentMarker, MAX_COMMENT_CHARS, upsertComment, type CommentApi } from '../../action/comment.ts';

/** An in-memory PR thread paged like GitHub's API. */
function thread(bodies: string[], perPage = 30) {
  const comments = bodies.map((body, i) => ({ id: i + 1, body }));
  const calls: string[] = [];
  const api: CommentApi = {
    async *comments() {
      for (let i = 0; i < comments.length; i += perPage) {
        calls.push(`page ${i / perPage + 1}`);
        yield comments.slice(i, i + perPage);
      }
    },
    async create(_issue, body) {
      calls.push('create');
      comments.push({ id: comments.length + 1, body });
      return { id: comments.length };
    },
    async update(id, body) {
      calls.push(`update ${id}`);
      comments.find((c) => c.id === id)!.body = body;
      return { id };
    },
  };
  return { api, comments, calls };
}

test('the marker keeps "--" out of the key, so a key cannot close the HTML comment', () => {
  assert.is(commentMarker('ci/eval--x-->y'), '<!-- kolm-migrate:report key=ci/eval-x->y -->');
});

test('finds its own comment on a later page and stops there; another key gets its own comment', async () => {
  const t = thread([...Array.from({ length: 70 }, (_, i) => `note ${i}`), `${commentMarker('a')}\nold`, 'after']);
  const r = await upsertComment(t.api, 1, 'a', 'new');
  assert.equal(r, { id: 71, url: undefined, action: 'updated' });
  assert.equal(t.calls, ['page 1', 'page 2', 'page 3', 'update 71']);
  assert.is(t.comments[70]!.body, `${commentMarker('a')}\nnew`);
  const other = await upsertComment(t.api, 1, 'b', 'x');
  assert.is(other.action, 'created');
});

test('a marker quoted inside another comment is not ours', async () => {
  const t = thread([`> ${commentMarker('a')}\n> quoted`]);
  assert.is((await upsertComment(t.api, 1, 'a', 'x')).action, 'created');
});

test('a body over GitHub\'s limit is cut, keeping the marker first and saying where the rest is', () => {
  const body = commentBody('k', 'x'.repeat(70_000));
  assert.is(body.length, MAX_COMMENT_CHARS);
  assert.ok(body.startsWith(commentMarker('k')));
  assert.match(body, /cut to fit GitHub's comment limit/);
});

test.run();
