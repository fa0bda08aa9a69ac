// Matching the columns an InputMapping names (Ludwig-sanitized) against the columns a data file has.
import { closestName, KolmError } from '../errors.ts';
import { sanitizeColumnName } from '../prompt/template.ts';

/**
 * For each wanted (sanitized) name, the file's original column name. Throws E_MISSING_COLUMN naming the
 * file, the column, the columns found and the closest one.
 */
export function resolveColumns(
  file: string,
  found: readonly string[],
  wanted: readonly { name: string; role: string }[],
): Map<string, string> {
  const bySanitized = new Map<string, string[]>();
  for (const original of found) {
    const key = sanitizeColumnName(original);
    bySanitized.set(key, [...(bySanitized.get(key) ?? []), original]);
  }
  const out = new Map<string, string>();
  for (const { name, role } of wanted) {
    const originals = bySanitized.get(name);
    if (!originals) {
      const sanitizedFound = [...bySanitized.keys()];
      const guess = closestName(name, sanitizedFound);
      const guessOriginal = guess === undefined ? undefined : bySanitized.get(guess)![0];
      throw new KolmError(
        'E_MISSING_COLUMN',
        `${file} has no column "${name}" (the ${role}). Columns found: ${found.map((c) => `"${c}"`).join(', ') || '(none)'}` +
          (guessOriginal !== undefined ? `. Did you mean "${guessOriginal}"?` : ''),
        {
          place: { file, column: name },
          hint:
            guessOriginal !== undefined
              ? `the data has "${guessOriginal}": fix the name in config.yaml, or rename the column in the data`
              : 'check input_features, output_features and prompt.template in config.yaml against the data file',
          details: { columnsFound: [...found], closest: guessOriginal },
        },
      );
    }
    if (originals.length > 1) {
      throw new KolmError(
        'E_MISSING_COLUMN',
        `${file} has several columns that Ludwig would all name "${name}" (the ${role}): ${originals.map((c) => `"${c}"`).join(', ')}`,
        { place: { file, column: name }, hint: 'rename the columns so that they differ in more than ( ) { } . : " \' [ ]' },
      );
    }
    out.set(name, originals[0]!);
  }
  return out;
}
