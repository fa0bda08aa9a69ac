import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import type { ArtifactContents, ManifestMetrics } from '../../core/artifact/index.ts';
import type { SignerInfo } from '../../core/sign/index.ts';
import { KolmCommand } from '../base-command.ts';
import { snakeKeys } from '../render/json.ts';
import { formatBytes, formatCount, formatMs } from '../render/units.ts';

type Sign = typeof import('../../core/sign/index.ts');
type Artifacts = typeof import('../../core/artifact/index.ts');

export class InspectCommand extends KolmCommand {
  static override paths = [['inspect']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Show what a .kolm artifact holds: kind, recipe, base model, metrics, sizes, digests, signature',
    details: `
      Reads the artifact with the same checks as \`kolm run\` and \`kolm serve\`: entry names, sizes, and the
      SHA-256 of every entry against kolm.json. A tampered or truncated file is refused (exit 1).
      The signature is reported as present or not; \`kolm verify\` checks it.
    `,
    examples: [
      ['Summarise an artifact', '$0 inspect out/model.kolm'],
      ['The manifest as JSON', '$0 inspect out/model.kolm --json'],
    ],
  });

  file = Option.String({ name: 'artifact.kolm' });

  async run(): Promise<number> {
    const path = resolve(this.context.cwd, this.file);
    const [artifacts, sign] = await Promise.all([import('../../core/artifact/index.ts'), import('../../core/sign/index.ts')]);
    const artifact = await artifacts.readArtifact(path, { name: this.file });
    const whole = await hashFile(path, this.file);
    const summary = {
      file: this.file,
      bytes: whole.bytes,
      sha256: whole.sha256,
      root_digest: artifact.rootDigest,
      signature: artifact.signature ? 'signed' : 'unsigned',
      ...(artifact.signature ? { signer: claimedSigner(sign, artifact.signature) } : {}),
    };
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, ...summary, manifest: artifact.manifest }));
      return 0;
    }
    // Task, names and ids come from the artifact: no terminal control it carries reaches the screen.
    const { printable } = await import('../../core/printable.ts');
    this.out(printable(renderSummary(summary, artifact, artifacts, sign)));
    return 0;
  }
}

/** The whole file's SHA-256 (the subject of the sidecar bundle), streamed: adapters can be gigabytes. */
async function hashFile(path: string, shown: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (err) {
    throw new KolmError('E_PATH_UNREADABLE', `${shown} could not be read: ${(err as Error).message}`, { place: { file: shown }, cause: err });
  }
  return { bytes, sha256: hash.digest('hex') };
}

interface Summary {
  file: string;
  bytes: number;
  sha256: string;
  root_digest: string;
  signature: string;
  signer?: SignerInfo | { kind: 'unreadable'; problem: string };
}

/** Who kolm.sig says signed it: a claim read from the bundle, which `kolm verify` proves or refutes. */
function claimedSigner({ describeSigner, parseBundle }: Sign, signature: Uint8Array): SignerInfo | { kind: 'unreadable'; problem: string } {
  try {
    return describeSigner(parseBundle(signature, 'kolm.sig'));
  } catch (err) {
    return { kind: 'unreadable', problem: (err as Error).message };
  }
}

function renderSummary(s: Summary, artifact: ArtifactContents, { MANIFEST_ENTRY, SIGNATURE_ENTRY }: Artifacts, { formatSigner }: Sign): string {
  const m = artifact.manifest;
  const rows: [string, string][] = [
    ['name', m.name],
    ['kind', m.recipe ? `${m.kind} (${m.recipe.type}, entry ${m.recipe.entry})` : m.kind],
    ['task', m.spec.task],
    ['output kind', m.output_kind],
    ['created', m.created],
  ];
  if (m.base) {
    const rev = m.base.revision ? `@${m.base.revision}` : '';
    const file = m.base.file ? `, ${m.base.file}${m.base.sha256 ? ` sha256:${m.base.sha256}` : ''}` : '';
    rows.push(['base', `${m.base.id}${rev}${file}`]);
  }
  rows.push(['quantization', m.quantization]);
  rows.push(['compiler', `${m.compiler.name} ${m.compiler.version}`]);
  if (m.metrics?.validation) rows.push(['validation score', formatMetrics(m.metrics.validation)]);
  if (m.metrics?.eval) rows.push(['eval score', formatMetrics(m.metrics.eval)]);
  for (const d of m.datasets) rows.push([`${d.role} data`, `${formatCount(d.rows)} rows, sha256:${d.sha256}`]);
  rows.push(['size', `${formatBytes(s.bytes)} on disk, ${formatBytes(m.sizes.total_bytes)} of payload in ${Object.keys(m.files).length} entries`]);
  rows.push(['sha256', s.sha256]);
  rows.push(['root digest', s.root_digest]);
  rows.push(['signature', s.signature === 'signed' ? 'signed (not verified here: run kolm verify)' : 'unsigned']);
  if (s.signer) rows.push(['signer', s.signer.kind === 'unreadable' ? `unknown: ${s.signer.problem}` : `${formatSigner(s.signer)} (claimed)`]);

  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [`${s.file}: .kolm format ${m.format}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), '', 'entries'];
  const entryRows: [string, string, string][] = [[MANIFEST_ENTRY, formatBytes(artifact.manifestBytes.length), 'manifest']];
  for (const [name, digest] of Object.entries(m.files)) entryRows.push([name, formatBytes(m.sizes.entries[name] ?? 0), digest]);
  if (artifact.signature) entryRows.push([SIGNATURE_ENTRY, formatBytes(artifact.signature.length), 'signature']);
  const nameWidth = Math.max(...entryRows.map(([n]) => n.length));
  const sizeWidth = Math.max(...entryRows.map(([, b]) => b.length));
  for (const [name, size, note] of entryRows) lines.push(`  ${name.padEnd(nameWidth)}  ${size.padStart(sizeWidth)}  ${note}`);
  return lines.join('\n');
}

function formatMetrics(x: ManifestMetrics): string {
  const parts = [`K ${x.K.toFixed(3)}`, `pass ${(x.pass_rate * 100).toFixed(1)}%`, `n ${formatCount(x.n)}`];
  if (x.p50_ms !== undefined) parts.push(`p50 ${formatMs(x.p50_ms)}`);
  if (x.p95_ms !== undefined) parts.push(`p95 ${formatMs(x.p95_ms)}`);
  return parts.join(', ');
}
