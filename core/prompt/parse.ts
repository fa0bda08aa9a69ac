// Reading template text into literal and field parts, once, so rendering is a single pass with no regex
// work. Only what Ludwig accepts parses; anything else is E_BAD_TEMPLATE naming the field and its offset.
import { KolmError } from '../errors.ts';
import { needsSanitizing, sanitizeColumnName, SPECIAL_FIELDS, type FloatSpec, type ParsedTemplate, type TemplatePart } from './template.ts';

function templateError(message: string, offset: number, hint: string): KolmError {
  return new KolmError('E_BAD_TEMPLATE', message, { hint, place: { column: offset }, details: { offset } });
}

const FLOAT_SPEC = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([fF])$/;

function parseFloatSpec(spec: string, name: string, offset: number): FloatSpec {
  const m = FLOAT_SPEC.exec(spec);
  if (!m) {
    throw templateError(
      `template field {${name}:${spec}} at offset ${offset} has format spec "${spec}"; Ludwig only accepts float specs such as ".2f"`,
      offset,
      `write {${name}} to insert the value as is, or {${name}:.2f} for a number with 2 decimals`,
    );
  }
  const zero = m[6] !== undefined;
  return {
    source: spec,
    fill: m[1] ?? (zero && !m[2] ? '0' : ' '),
    align: (m[2] as FloatSpec['align']) ?? (zero ? '=' : undefined),
    sign: (m[3] as FloatSpec['sign']) ?? '-',
    noNegativeZero: m[4] !== undefined,
    alternate: m[5] !== undefined,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] as FloatSpec['grouping'],
    precision: m[9] !== undefined ? Number(m[9]) : 6,
    upper: m[10] === 'F',
  };
}

/** Check one field body (`name[:spec]`) and return the part; `offset` is where its `{` is. */
function parseField(body: string, offset: number): TemplatePart {
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === ':' || c === '!') {
      end = i;
      break;
    }
  }
  const name = body.slice(0, end);
  const shown = `{${body}}`;
  if (name === '' || /^\d+$/.test(name)) {
    throw templateError(
      `template field ${shown} at offset ${offset} is positional; Ludwig fills fields by column name`,
      offset,
      'name the column inside the braces, e.g. {question}; write {{ or }} for a literal brace',
    );
  }
  const dot = name.indexOf('.');
  const bracket = name.search(/[[\]]/);
  if (dot >= 0 || bracket >= 0) {
    const kind = dot >= 0 && (bracket < 0 || dot < bracket) ? 'attribute' : 'index';
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} uses ${kind} syntax, which Ludwig templates do not support, so it cannot resolve`,
      offset,
      `if "${name}" is a column name, Ludwig renames it to "${renamed}": write {${renamed}}`,
    );
  }
  if (needsSanitizing(name)) {
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} can never resolve: Ludwig renames a column "${name}" to "${renamed}" before formatting`,
      offset,
      `write {${renamed}}`,
    );
  }
  if (end < body.length && body[end] === '!') {
    throw templateError(
      `template field ${shown} at offset ${offset} uses a conversion ("!${body.slice(end + 1, end + 2)}"), which Ludwig templates do not support`,
      offset,
      `write {${name}}`,
    );
  }
  if (end < body.length) {
    const spec = body.slice(end + 1);
    if (spec.includes('{') || spec.includes('}')) {
      throw templateError(
        `template field ${shown} at offset ${offset} nests a field inside its format spec, which is not supported`,
        offset,
        'write the format spec literally, e.g. {price:.2f}',
      );
    }
    if (spec === '') return { kind: 'field', name, offset };
    return { kind: 'field', name, offset, spec: parseFloatSpec(spec, name, offset) };
  }
  return { kind: 'field', name, offset };
}

/**
 * Parse a template the way Python's `string.Formatter().parse` does, keeping only what Ludwig accepts:
 * `{column}`, `{column:.Nf}`, `{{`, `}}` and the special fields. Anything else is E_BAD_TEMPLATE naming the
 * field and the 0-based character offset of its `{`.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const fields: string[] = [];
  let literal = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '{') {
      if (source[i + 1] === '{') {
        literal += '{';
        i += 2;
        continue;
      }
      // Python lets a format spec nest one level of braces; find the matching close brace first.
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (source[j] === '{') depth++;
        else if (source[j] === '}') depth--;
        j++;
      }
      if (depth > 0) {
        throw templateError(
          `template has an unclosed "{" at offset ${i}`,
          i,
          'close the field with "}", or write "{{" for a literal brace',
        );
      }
      const part = parseField(source.slice(i + 1, j - 1), i);
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push(part);
      if (part.kind === 'field' && !fields.includes(part.name)) fields.push(part.name);
      i = j;
    } else if (c === '}') {
      if (source[i + 1] === '}') {
        literal += '}';
        i += 2;
        continue;
      }
      throw templateError(`template has a single "}" at offset ${i}`, i, 'write "}}" for a literal brace');
    } else {
      // Copy a run of ordinary characters at once.
      let j = i + 1;
      while (j < n && source[j] !== '{' && source[j] !== '}') j++;
      literal += source.slice(i, j);
      i = j;
    }
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return { source, parts, fields, columns: fields.filter((f) => !SPECIAL_FIELDS.includes(f)) };
}

/** The distinct fields a template reads, in order of first use. */
export function templateFields(source: string): string[] {
  return parseTemplate(source).fields;
}
