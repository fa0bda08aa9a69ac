// `kolm verify`: entry digests, then the signature(s) and signer of a .kolm: a key pair's public key, or a
// keyless identity (certificate, transparency log / timestamps, SAN and issuer) against a trusted root.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { snakeKeys } from '../render/json.ts';
import { trustFlags, trustFrom } from '../sign-flags.ts';

export class VerifyCommand extends KolmCommand {
  static override paths = [['verify']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Verify a .kolm: every entry digest, its signature(s) and who signed it',
    details: `
      Checks kolm.sig inside the artifact and, when present, the sidecar FILE.sigstore.json (or --bundle).
      Every signature present must verify and match the artifact; the error names the entry that does not.
      Give --key for key-pair signatures, or --certificate-identity and --certificate-oidc-issuer for keyless
      ones (checked against the public-good Sigstore root, or --trusted-root).
    `,
    examples: [
      ['With the signer\'s public key', '$0 verify my.kolm --key kolm.pub'],
      [
        'Signed in GitHub Actions',
        '$0 verify my.kolm --certificate-identity https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.2.0 --certificate-oidc-issuer https://token.actions.githubusercontent.com',
      ],
    ],
  });

  file = Option.String({ name: 'artifact.kolm' });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  bundle = value('file', Option.String('--bundle', { description: 'The sidecar bundle (default: FILE.sigstore.json when it exists)' }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const trust = await trustFrom(this, this.context);
    if (!trust) {
      throw new KolmError('E_USAGE', 'say whom to trust: --key PUBLIC_KEY, or --certificate-identity and --certificate-oidc-issuer', {
        hint: '`kolm inspect` shows who claims to have signed it',
      });
    }
    const [{ readArtifact, sha256Hex }, { formatSigner, sidecarName, verifyArtifactContents }] = await Promise.all([
      import('../../core/artifact/index.ts'),
      import('../../core/sign/index.ts'),
    ]);
    const path = resolve(cwd, this.file);
    const contents = await readArtifact(path, { name: this.file });
    const bundleShown = this.bundle ?? sidecarName(this.file);
    const bundleBytes = await readOptional(resolve(cwd, bundleShown), this.bundle !== undefined);
    const sidecar = bundleBytes ? { bytes: bundleBytes, where: bundleShown, fileSha256: sha256Hex(await readFile(path)) } : undefined;
    const state = verifyArtifactContents(contents, { file: this.file, trust, sidecar, requireSignature: true });
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, file: this.file, verified: true, signer: state.signer, checked: state.checks.map((c) => ({ placement: c.placement, bundle: c.where })) }));
      return 0;
    }
    this.out(`${basename(this.file)}: verified, signed by ${formatSigner(state.signer!)}`);
    for (const c of state.checks) this.out(`  ${c.placement === 'embedded' ? 'kolm.sig (inside)' : `${c.where} (sidecar)`}: signature and every entry digest match`);
    return 0;
  }
}

async function readOptional(path: string, required: boolean): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !required) return undefined;
    throw new KolmError('E_PATH_NOT_FOUND', `${path} could not be read: ${(err as Error).message}`, { hint: 'check --bundle', place: { file: path } });
  }
}
