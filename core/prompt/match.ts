// The template's inverse: given text that a client rendered with the spec's prompt template, read back
// the text each field rendered as. `kolm serve` uses it to turn LoRAX's already-rendered `inputs` back
// into the artifact's input fields.
import { SPECIAL_FIELDS, type ParsedTemplate } from './template.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for text rendered from `template`: field name → the text it rendered as, or null when the
 * text was not rendered from it. Fields match lazily, the last one greedily; trailing whitespace of the
 * template's end is optional, since clients often strip the prompt.
 */
export function templateMatcher(template: ParsedTemplate): (text: string) => Record<string, string> | null {
  const names: (string | null)[] = [];
  let source = '^';
  const parts = template.parts;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part.kind === 'literal') {
      source += last ? `${escapeRegExp(part.text.replace(/\s+$/, ''))}\\s*` : escapeRegExp(part.text);
    } else {
      // A field used twice must render the same text both times: a backreference.
      const seen = names.indexOf(part.name);
      if (seen >= 0 && !SPECIAL_FIELDS.includes(part.name)) {
        source += `\\${seen + 1}`;
        return;
      }
      names.push(SPECIAL_FIELDS.includes(part.name) ? null : part.name);
      source += last ? '([\\s\\S]*)' : '([\\s\\S]*?)';
    }
  });
  const re = new RegExp(`${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const out: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name !== null) out[name] = m[i + 1]!;
    });
    return out;
  };
}
