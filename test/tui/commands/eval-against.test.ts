import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { answer, sendLoraxError, startLoraxServer } from '../../_util/lorax-server.ts';
import { slotArtifact } from '../../_util/slot-task.ts';

const test = suite('kolm eval --against');
const TOKEN = 'pb_SECRET_token_7f3a91';

test('A/B against a LoRAX-like endpoint: both sides scored, 429s retried, Markdown written, token never shown', async () => {
  const dir = await slotArtifact();
  const gold = new Map(
    readFileSync(join(dir, 'validation.jsonl'), 'utf8').trim().split('\n').map((l) => {
      const { input, output } = JSON.parse(l);
      return [input as string, output as string];
    }),
  );
  let n = 0;
  const lorax = await startLoraxServer({
    token: TOKEN,
    handler: async (req, res) => {
      // Every 7th case is overloaded once; every 5th answered wrong.
      if (req.attempt === 1 && ++n % 7 === 0) return sendLoraxError(res, 429, 'overloaded', 'Model is overloaded', { 'retry-after': '0' });
      return answer((inputs) => (n % 5 === 0 ? '{}' : gold.get(inputs)!))(req, res);
    },
  });
  try {
    const r = await kolm(
      ['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'validation.jsonl'), '--against', lorax.predibaseUrl, '--adapter-id', 'slots/1', '--out', join(dir, 'kolm.json'), '--remote-out', join(dir, 'pb.json'), '--markdown', join(dir, 'comment.md'), '--json'],
      { env: { PREDIBASE_API_TOKEN: TOKEN } },
    );
    assert.is(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.is(out.remote.system.name, 'Predibase');
    assert.is(out.remote.cases, 100);
    assert.is(out.remote.errors, 0);
    assert.ok(out.remote.K < out.kolm.K, 'the wrong answers cost the remote side');
    assert.ok(out.comparison.disagreements.total > 0);
    assert.ok(lorax.requests.every((q) => q.parameters.adapter_id === 'slots/1' && q.headers.authorization === `Bearer ${TOKEN}`));
    assert.ok(lorax.requests.length > 100, 'the overloaded cases were sent again');
    const md = readFileSync(join(dir, 'comment.md'), 'utf8');
    assert.match(md, /\| K \| 1\.000 \| 0\.\d{3} \|/);
    for (const f of readdirSync(dir)) assert.not.match(readFileSync(join(dir, f), 'latin1'), TOKEN, `token in ${f}`);
    assert.not.match(r.stdout + r.stderr, TOKEN);

    // A second run reads the cache: nothing is sent again.
    const before = lorax.requests.length;
    const again = await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'validation.jsonl'), '--against', lorax.predibaseUrl, '--adapter-id', 'slots/1', '--out', join(dir, 'kolm.json')], {
      env: { PREDIBASE_API_TOKEN: TOKEN },
    });
    assert.is(again.code, 0, again.stderr);
    assert.is(lorax.requests.length, before);
  } finally {
    await lorax.close();
  }
});

test('a wrong token stops the run with a hint and never prints the token', async () => {
  const dir = await slotArtifact();
  const lorax = await startLoraxServer({ token: 'the-right-one' });
  try {
    const r = await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'validation.jsonl'), '--against', lorax.url], { env: { PREDIBASE_API_TOKEN: TOKEN } });
    assert.is(r.code, 1);
    assert.match(r.stderr, /E_REMOTE/);
    assert.match(r.stderr, /401/);
    assert.match(r.stderr, /PREDIBASE_API_TOKEN/);
    assert.not.match(r.stdout + r.stderr, TOKEN);
  } finally {
    await lorax.close();
  }
});

test.run();
