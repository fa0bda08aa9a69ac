// `kolm publish`: attach a signed .kolm (and its sidecar Sigstore bundle, when there is one) to a GitHub release.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import type { ReleaseAsset } from '../../core/publish/index.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { formatBytes } from '../render/units.ts';

export class PublishCommand extends KolmCommand {
  static override paths = [['publish']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Attach a signed .kolm and its bundle to a GitHub release',
    details: `
      Uploads FILE and FILE.sigstore.json (from \`kolm sign\`) to the release of --tag in --repo, replacing
      assets of the same name. Without a sidecar bundle, a FILE signed inside (its kolm.sig entry) is
      published alone: \`kolm verify\` checks the signature it carries. An unsigned FILE is refused unless
      --allow-unsigned. The token comes from GH_TOKEN or GITHUB_TOKEN (as for gh; in Actions:
      \`permissions: contents: write\`); GITHUB_API_URL points at GitHub Enterprise. --create makes the
      release when the tag has none; --private refuses to publish unless the repository is private.
    `,
    examples: [
      ['Attach to an existing release', '$0 publish my.kolm --repo acme/models --tag v1.2.0'],
      ['Create the release, private repos only', '$0 publish my.kolm --repo acme/models --tag v1.2.0 --create --private'],
    ],
  });

  file = Option.String({ name: 'artifact.kolm' });
  repo = value('owner/name', Option.String('--repo', { required: true, description: 'The GitHub repository' }));
  tag = value('tag', Option.String('--tag', { required: true, description: 'The release tag, e.g. v1.2.0' }));
  create = Option.Boolean('--create', false, { description: 'Create the release when the tag has none' });
  private_ = Option.Boolean('--private', false, { description: 'Refuse to publish to a public repository' });
  bundle = value('file', Option.String('--bundle', { description: 'The sidecar bundle (default: FILE.sigstore.json when it exists)' }));
  unsigned = Option.Boolean('--allow-unsigned', false, { description: 'Publish an artifact that carries no signature' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const env = this.context.env;
    const path = resolve(cwd, this.file);
    const [{ readArtifact }, { DEFAULT_GITHUB_API_URL, publishRelease }, { sidecarName }] = await Promise.all([
      import('../../core/artifact/index.ts'),
      import('../../core/publish/index.ts'),
      import('../../core/sign/index.ts'),
    ]);
    const contents = await readArtifact(path, { name: this.file }); // never publish a damaged artifact
    const assets: ReleaseAsset[] = [{ name: basename(path), bytes: await readFile(path) }];
    const bundleShown = this.bundle ?? sidecarName(this.file);
    let sidecar = false;
    try {
      assets.push({ name: sidecarName(basename(path)), bytes: await readFile(resolve(cwd, bundleShown)), contentType: 'application/json' });
      sidecar = true;
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      // A named --bundle must be there; the default sidecar may be absent when kolm.sig is inside.
      if (!missing || this.bundle !== undefined) {
        throw new KolmError(missing ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', `${bundleShown} could not be read: ${(err as Error).message}`, {
          hint: 'check --bundle, or leave it out to publish the signature inside the artifact',
          place: { file: bundleShown },
        });
      }
      if (!contents.signature && !this.unsigned) {
        throw new KolmError('E_UNSIGNED', `${this.file} is not signed: it has no kolm.sig inside and no ${bundleShown} beside it`, {
          hint: `sign first: \`kolm sign ${this.file} --key kolm.key\` (or --keyless); --allow-unsigned publishes it unsigned`,
          place: { file: this.file },
        });
      }
    }
    const signature = sidecar ? (contents.signature ? 'embedded+sidecar' : 'sidecar') : contents.signature ? 'embedded' : 'none';
    const result = await publishRelease({
      repo: this.repo,
      tag: this.tag,
      // gh's own order: GH_TOKEN, then GITHUB_TOKEN.
      token: env.GH_TOKEN || env.GITHUB_TOKEN || '',
      assets,
      create: this.create,
      requirePrivate: this.private_,
      apiUrl: env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
      reporter: this.reporter(),
    });
    if (this.json) {
      this.outJson({ ok: true, repo: this.repo, tag: this.tag, signature, release: result.release, assets: result.assets });
      return 0;
    }
    this.out(`${result.release.created ? 'created' : 'updated'} release ${this.tag} of ${this.repo}: ${result.release.url}`);
    for (const a of result.assets) this.out(`  ${a.replaced ? 'replaced' : 'attached'} ${a.name} (${formatBytes(a.size)})`);
    this.out(`  signature: ${{ embedded: 'kolm.sig inside the artifact', sidecar: 'sidecar bundle', 'embedded+sidecar': 'kolm.sig inside and the sidecar bundle', none: 'none (unsigned)' }[signature]}`);
    return 0;
  }
}
