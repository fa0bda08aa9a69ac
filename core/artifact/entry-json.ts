// A JSON entry of a read artifact (a recipe config, an adapter config). Its digest was checked, but the
// artifact may be anyone's: bytes that are not UTF-8 JSON of an object are the artifact's fault, so they are
// E_BAD_ARTIFACT naming the entry, never a SyntaxError out of the runtime.
import { badArtifact } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function entryJson(entries: ReadonlyMap<string, Uint8Array>, name: string, file: string): Record<string, unknown> {
  const bytes = entries.get(name);
  if (!bytes) throw badArtifact(file, 'is named by kolm.json but is not in the artifact', { entry: name });
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (err) {
    throw badArtifact(file, `is not a JSON config (${firstLine((err as Error).message)}); kolm.json may point at the wrong entry`, { entry: name, cause: err });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badArtifact(file, `is JSON but not an object (${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}); kolm.json may point at the wrong entry`, { entry: name });
  }
  return value as Record<string, unknown>;
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 120);
