// `kolm publish`: attach a .kolm and its sidecar Sigstore bundle to a GitHub release.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { readArtifact } from '../../core/artifact/index.ts';
import { KolmError } from '../../core/errors.ts';
import { DEFAULT_GITHUB_API_URL, publishRelease, type ReleaseAsset } from '../../core/publish/index.ts';
import { sidecarName } from '../../core/sign/index.ts';
import { KolmCommand } from '../base-command.ts';

export class PublishCommand extends KolmCommand {
  static override paths = [['publish']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Attach a signed .kolm and its bundle to a GitHub release',
    details: `
      Uploads FILE and FILE.sigstore.json (from \`kolm sign\`) to the release of --tag in --repo, replacing
      assets of the same name. The token comes from GITHUB_TOKEN (in Actions: \`permissions: contents:
      write\`); GITHUB_API_URL points at GitHub Enterprise. --create makes the release when the tag has none;
      --private refuses to publish unless the repository is private.
    `,
    examples: [
      ['Attach to an existing release', '$0 publish my.kolm --repo acme/models --tag v1.2.0'],
      ['Create the release, private repos only', '$0 publish my.kolm --repo acme/models --tag v1.2.0 --create --private'],
    ],
  });

  file = Option.String({ name: 'FILE' });
  repo = Option.String('--repo', { required: true, description: 'OWNER/NAME of the GitHub repository' });
  tag = Option.String('--tag', { required: true, description: 'The release tag, e.g. v1.2.0' });
  create = Option.Boolean('--create', false, { description: 'Create the release when the tag has none' });
  private_ = Option.Boolean('--private', false, { description: 'Refuse to publish to a public repository' });
  bundle = Option.String('--bundle', { description: 'The sidecar bundle (default: FILE.sigstore.json)' });
  unsigned = Option.Boolean('--allow-unsigned', false, { description: 'Publish without a bundle' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const env = this.context.env;
    const path = resolve(cwd, this.file);
    await readArtifact(path, { name: this.file }); // never publish a damaged artifact
    const assets: ReleaseAsset[] = [{ name: basename(path), bytes: await readFile(path) }];
    const bundleShown = this.bundle ?? sidecarName(this.file);
    try {
      assets.push({ name: sidecarName(basename(path)), bytes: await readFile(resolve(cwd, bundleShown)), contentType: 'application/json' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || this.bundle !== undefined || !this.unsigned) {
        throw new KolmError('E_UNSIGNED', `${bundleShown} could not be read: ${(err as Error).message}`, {
          hint: `sign first: \`kolm sign ${this.file} --key kolm.key\` (or --keyless); --allow-unsigned publishes without a bundle`,
          place: { file: bundleShown },
        });
      }
    }
    const result = await publishRelease({
      repo: this.repo,
      tag: this.tag,
      token: env.GITHUB_TOKEN ?? '',
      assets,
      create: this.create,
      requirePrivate: this.private_,
      apiUrl: env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
      reporter: this.reporter(),
    });
    if (this.json) {
      this.outJson({ ok: true, repo: this.repo, tag: this.tag, release: result.release, assets: result.assets });
      return 0;
    }
    this.out(`${result.release.created ? 'created' : 'updated'} release ${this.tag} of ${this.repo}: ${result.release.url}`);
    for (const a of result.assets) this.out(`  ${a.replaced ? 'replaced' : 'attached'} ${a.name} (${a.size} bytes)`);
    return 0;
  }
}
