import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatBytes, formatCount, formatMs } from '../../../tui/render/units.ts';

const test = suite('sizes, counts and times in text');

test('sizes are IEC with one decimal, at every scale', () => {
  assert.equal([0, 1023, 1024, 269_824, 5 * 1024 ** 2, 3.5 * 1024 ** 3, 2 * 1024 ** 4].map(formatBytes), ['0 B', '1023 B', '1.0 KiB', '263.5 KiB', '5.0 MiB', '3.5 GiB', '2.0 TiB']);
});

test('counts have thousands separators; times three significant digits', () => {
  assert.equal([7, 1234, 5_452_000].map(formatCount), ['7', '1,234', '5,452,000']);
  assert.equal([0.0657, 2.9, 41.53, 812.4].map(formatMs), ['0.066 ms', '2.90 ms', '41.5 ms', '812 ms']);
});

test.run();
