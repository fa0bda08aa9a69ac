// The CLI's error text is core's one formatter (the Action prints the same): code, message, place and hint
// for a user's error, no stack; the stack and where to report it for our bug. Exit codes follow the contract.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { errorJson, formatError, ISSUES_URL } from '../../../core/errors-format.ts';
import { KolmError } from '../../../core/errors.ts';
import { exitCodeFor } from '../../../tui/render/errors.ts';

const ANSI = /\u001b\[\d+m/g;
const userError = new KolmError('E_MISSING_COLUMN', 'train.csv has no column "text"', { hint: 'did you mean "txt"?', place: { file: 'train.csv', line: 1 } });

test('a user error is code + message, place, hint; no stack, no report line', () => {
  assert.is(formatError(userError), 'error[E_MISSING_COLUMN]: train.csv has no column "text"\n  at:   train.csv, line 1\n  hint: did you mean "txt"?');
  assert.is(formatError(new KolmError('E_USAGE', 'no spec')), 'error[E_USAGE]: no spec');
});

test('colour only adds ANSI codes around the same text', () => {
  const coloured = formatError(userError, { color: true });
  assert.ok(ANSI.test(coloured), 'has colour codes');
  assert.is(coloured.replace(ANSI, ''), formatError(userError));
});

test('our bug keeps its stack and says where to report it; E_INTERNAL keeps its hint too', () => {
  const bug = new Error('boom');
  const text = formatError(bug);
  assert.ok(text.startsWith('internal error: boom\n'), text);
  assert.ok(text.includes(bug.stack!), 'has the stack');
  assert.ok(text.endsWith(ISSUES_URL), text);
  const internal = formatError(new KolmError('E_INTERNAL', 'the compile stopped (worker exit 1)', { hint: 'run the compile step again' }));
  assert.is(internal, `error[E_INTERNAL]: the compile stopped (worker exit 1)\n  hint: run the compile step again\nThis is a bug in kolm-migrate; please report it with the lines above: ${ISSUES_URL}`);
  assert.is(formatError('a thrown string').split('\n')[0], 'internal error: a thrown string');
});

test('--json: a KolmError as its own fields, anything else as E_INTERNAL', () => {
  assert.equal(errorJson(userError), { code: 'E_MISSING_COLUMN', message: 'train.csv has no column "text"', hint: 'did you mean "txt"?', place: { file: 'train.csv', line: 1 } });
  assert.equal(errorJson(new TypeError('x is undefined')), { code: 'E_INTERNAL', message: 'x is undefined' });
});

test('exit codes: 2 usage, 3 gate failed, 1 for every other error, bugs included', () => {
  assert.is(exitCodeFor(new KolmError('E_USAGE', 'x')), 2);
  assert.is(exitCodeFor(new KolmError('E_GATE_FAILED', 'x')), 3);
  assert.is(exitCodeFor(userError), 1);
  assert.is(exitCodeFor(new KolmError('E_INTERNAL', 'x')), 1);
  assert.is(exitCodeFor(new Error('x')), 1);
});

test.run();
