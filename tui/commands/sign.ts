// `kolm sign`: put kolm.sig inside a .kolm and write NAME.kolm.sigstore.json beside it, with a key pair or keyless.
import { relative, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { snakeKeys } from '../render/json.ts';
import { signFlags, signingMethodFrom } from '../sign-flags.ts';

export class SignCommand extends KolmCommand {
  static override paths = [['sign']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Sign a .kolm (Sigstore bundle inside as kolm.sig, and beside it as FILE.sigstore.json)',
    details: `
      Both bundles are DSSE envelopes (Sigstore bundle v0.3) carrying an in-toto statement that lists the
      SHA-256 of kolm.json and of every entry. kolm.sig names the artifact's root digest (so adding it changes
      nothing signed); the sidecar names the SHA-256 of the whole signed file, which \`gh attestation verify\`
      and \`cosign verify-blob-attestation\` check. An existing signature is replaced.

      --key signs offline with a \`kolm keygen\` key. --keyless takes the ambient OIDC token (GitHub Actions
      with \`permissions: id-token: write\`, or SIGSTORE_ID_TOKEN), gets a Fulcio certificate and records the
      signature in Rekor (public good by default; --fulcio-url/--rekor-url/--tsa-url for a private deployment).
    `,
    examples: [
      ['With a key pair', '$0 sign my.kolm --key kolm.key'],
      ['Keyless in GitHub Actions', '$0 sign my.kolm --keyless'],
      ['Keyless without the public log (private repos)', '$0 sign my.kolm --keyless --no-tlog --tsa-url https://timestamp.example.com'],
    ],
  });

  file = Option.String({ name: 'artifact.kolm' });
  key = signFlags.key();
  keyless = signFlags.keyless();
  fulcioUrl = signFlags.fulcioUrl();
  rekorUrl = signFlags.rekorUrl();
  tsaUrl = signFlags.tsaUrl();
  tlog = signFlags.tlog();
  bundle = value('file', Option.String('--bundle', { description: 'Where to write the sidecar bundle (default: FILE.sigstore.json)' }));
  sidecar = Option.Boolean('--sidecar', true, { description: 'Write the sidecar bundle (--no-sidecar: only kolm.sig inside)' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const { method, secrets } = await signingMethodFrom(this, this.context);
    const { formatSigner, signArtifactFile } = await import('../../core/sign/index.ts');
    const path = resolve(cwd, this.file);
    const sidecarPath = this.sidecar ? (this.bundle ? resolve(cwd, this.bundle) : undefined) : false;
    const signed = await signArtifactFile(path, method, { shown: this.file, sidecarPath, secrets });
    const sidecarShown = signed.sidecarPath ? relative(cwd, signed.sidecarPath) || signed.sidecarPath : undefined;
    if (this.json) {
      this.outJson(snakeKeys({ ok: true, artifact: this.file, bundle: sidecarShown ?? null, root_digest: signed.rootDigest, sha256: signed.fileSha256, signer: signed.signer }));
      return 0;
    }
    this.out(`signed ${this.file} by ${formatSigner(signed.signer)}`);
    this.out(`  kolm.sig    subject: root digest ${signed.rootDigest}`);
    if (sidecarShown) this.out(`  ${sidecarShown}  subject: sha256 ${signed.fileSha256}`);
    return 0;
  }
}
