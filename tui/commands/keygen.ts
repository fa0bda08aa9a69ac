// `kolm keygen`: an ECDSA P-256 key pair for offline signing. The private key file is created 0600.
import { relative, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { PASSPHRASE_ENV } from '../sign-flags.ts';

export class KeygenCommand extends KolmCommand {
  static override paths = [['keygen']];
  static override usage = Command.Usage({
    category: 'Artifacts',
    description: 'Make an ECDSA P-256 key pair for `kolm sign --key` (offline signing)',
    details: `
      Writes PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub (SPKI PEM). When ${PASSPHRASE_ENV} is set, the
      private key is encrypted with it (AES-256-CBC), and signing needs it again. Existing files are kept
      unless --force. Share the .pub; keep the .key secret (in CI, a repository secret).
    `,
    examples: [
      ['Make kolm.key and kolm.pub', '$0 keygen'],
      ['An encrypted key under keys/', `${PASSPHRASE_ENV}=… $0 keygen --out keys/release`],
    ],
  });

  out_ = value('prefix', Option.String('--out', 'kolm', { description: 'Path prefix of the two files (kolm → kolm.key, kolm.pub)' }));
  force = Option.Boolean('--force', false, { description: 'Overwrite existing key files' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const { generateKeyPair, writeKeyPairFiles } = await import('../../core/sign/index.ts');
    const passphrase = this.context.env[PASSPHRASE_ENV] || undefined;
    const pair = generateKeyPair({ passphrase });
    const paths = { privateKey: resolve(cwd, `${this.out_}.key`), publicKey: resolve(cwd, `${this.out_}.pub`) };
    await writeKeyPairFiles(pair, paths, { force: this.force });
    const shown = { private_key: relative(cwd, paths.privateKey), public_key: relative(cwd, paths.publicKey) };
    if (this.json) {
      this.outJson({ ok: true, ...shown, key_hint: pair.hint, encrypted: pair.encrypted });
      return 0;
    }
    this.out(`wrote ${shown.private_key} (private, mode 0600${pair.encrypted ? `, encrypted with ${PASSPHRASE_ENV}` : ', not encrypted'}) and ${shown.public_key}`);
    this.out(`key: ${pair.hint}`);
    this.out(`sign:   kolm sign my.kolm --key ${shown.private_key}`);
    this.out(`verify: kolm verify my.kolm --key ${shown.public_key}`);
    return 0;
  }
}
