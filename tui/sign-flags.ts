// The signing and verification flags shared by `kolm sign`, `kolm compile --sign`, `kolm verify` (and, for
// trust, `kolm run`/`kolm serve`): each command declares the flags; these turn their values into core's
// SigningMethod / Trust, reading key files, the passphrase and the OIDC environment here, at the edge.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
// The flags are declared here without loading core/sign (Sigstore's libraries): only the functions that turn
// them into a SigningMethod or Trust import it, when a command runs.
import { Option } from 'clipanion';
import { KolmError } from '../core/errors.ts';
import type { SigningMethod, Trust } from '../core/sign/index.ts';
import { value } from './options.ts';

/** The environment variable holding the private key's passphrase (core/sign/keys.ts reads the same name). */
export const PASSPHRASE_ENV = 'KOLM_KEY_PASSPHRASE';

export interface SignFlagValues {
  key?: string;
  keyless: boolean;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  tlog: boolean;
}

/** Option factories so each command declares the same flags with the same descriptions. */
export const signFlags = {
  key: (name = '--key') => value('file', Option.String(name, { description: `Sign with this private key (from \`kolm keygen\`; passphrase from ${PASSPHRASE_ENV})` })),
  keyless: () => Option.Boolean('--keyless', false, { description: 'Sign keyless with the ambient OIDC identity (GitHub Actions, or SIGSTORE_ID_TOKEN) via Fulcio' }),
  fulcioUrl: () => value('url', Option.String('--fulcio-url', { description: 'Fulcio URL (default: public-good https://fulcio.sigstore.dev)' })),
  rekorUrl: () => value('url', Option.String('--rekor-url', { description: 'Rekor URL (default: public-good https://rekor.sigstore.dev)' })),
  tsaUrl: () => value('url', Option.String('--tsa-url', { description: 'RFC 3161 timestamp authority URL (none by default)' })),
  tlog: () => Option.Boolean('--tlog', true, { description: 'Record in the Rekor transparency log (--no-tlog for private deployments; needs --tsa-url)' }),
};

export const trustFlags = {
  key: () => value('file', Option.String('--key', { description: 'Verify with this public key (kolm.pub)' })),
  identity: () => value('identity', Option.String('--certificate-identity', { description: 'Keyless: the exact signer identity (certificate SAN), e.g. a workflow URL @ ref' })),
  identityRegexp: () => value('regexp', Option.String('--certificate-identity-regexp', { description: 'Keyless: a regular expression the signer identity must match' })),
  issuer: () => value('url', Option.String('--certificate-oidc-issuer', { description: 'Keyless: the exact OIDC issuer (GitHub: https://token.actions.githubusercontent.com)' })),
  trustedRoot: () => value('file', Option.String('--trusted-root', { description: 'Keyless: trusted_root.json of the Sigstore deployment (default: public good, shipped with kolm)' })),
};

export interface TrustFlagValues {
  key?: string;
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  trustedRoot?: string;
}

type Ctx = { cwd: string; env: Record<string, string | undefined> };

async function readUserFile(ctx: Ctx, path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(resolve(ctx.cwd, path));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new KolmError(missing ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', `${path} (${what}) ${missing ? 'does not exist' : `could not be read: ${(err as Error).message}`}`, {
      hint: what.includes('key') ? 'make a key pair with `kolm keygen`' : 'check the path',
      place: { file: path },
    });
  }
}

/** The signing method the flags ask for, and the strings never to print (the identity token). */
export async function signingMethodFrom(flags: SignFlagValues, ctx: Ctx): Promise<{ method: SigningMethod; secrets: string[] }> {
  if (flags.key && flags.keyless) throw new KolmError('E_USAGE', '--key and --keyless are two ways to sign: give one', { hint: '--key kolm.key offline, --keyless in CI' });
  const { ambientIdentityProvider, parsePrivateKey } = await import('../core/sign/index.ts');
  if (flags.key) {
    const pem = await readUserFile(ctx, flags.key, 'private key');
    return { method: { mode: 'key', privateKey: parsePrivateKey(pem, flags.key, ctx.env[PASSPHRASE_ENV] || undefined) }, secrets: [] };
  }
  if (flags.keyless) {
    return {
      method: {
        mode: 'keyless',
        identityProvider: ambientIdentityProvider({ env: ctx.env }),
        fulcioURL: flags.fulcioUrl,
        rekorURL: flags.rekorUrl,
        tsaURL: flags.tsaUrl,
        tlog: flags.tlog,
      },
      secrets: [ctx.env.SIGSTORE_ID_TOKEN ?? '', ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''].filter(Boolean),
    };
  }
  throw new KolmError('E_USAGE', 'say how to sign: --key FILE or --keyless', { hint: 'make a key pair with `kolm keygen`, or use --keyless in GitHub Actions' });
}

/** The trust the flags give, or undefined when none was given. */
export async function trustFrom(flags: TrustFlagValues, ctx: Ctx): Promise<Trust | undefined> {
  const keyless = flags.identity || flags.identityRegexp || flags.issuer;
  if (flags.key && keyless) throw new KolmError('E_USAGE', '--key and --certificate-identity are two ways to verify: give one', { hint: '--key for key-pair signatures, --certificate-* for keyless ones' });
  const { parsePublicKey, parseTrustedRoot, publicGoodTrustedRoot } = await import('../core/sign/index.ts');
  if (flags.key) return { mode: 'key', publicKey: parsePublicKey(await readUserFile(ctx, flags.key, 'public key'), flags.key), name: flags.key };
  if (!keyless) {
    if (flags.trustedRoot) throw new KolmError('E_USAGE', '--trusted-root needs --certificate-identity (and --certificate-oidc-issuer)', { hint: 'say which signer you trust' });
    return undefined;
  }
  if (!flags.identity && !flags.identityRegexp) {
    throw new KolmError('E_USAGE', '--certificate-oidc-issuer needs --certificate-identity or --certificate-identity-regexp', { hint: 'name the workflow (or user) that must have signed' });
  }
  if (flags.identity && flags.identityRegexp) throw new KolmError('E_USAGE', 'give --certificate-identity or --certificate-identity-regexp, not both');
  if (flags.identityRegexp) {
    try {
      new RegExp(flags.identityRegexp);
    } catch (err) {
      throw new KolmError('E_USAGE', `--certificate-identity-regexp is not a regular expression: ${(err as Error).message}`);
    }
  }
  if (!flags.issuer) throw new KolmError('E_USAGE', 'keyless verification needs --certificate-oidc-issuer', { hint: 'GitHub Actions: https://token.actions.githubusercontent.com' });
  const trustedRoot = flags.trustedRoot ? parseTrustedRoot(await readUserFile(ctx, flags.trustedRoot, 'trusted root'), flags.trustedRoot) : publicGoodTrustedRoot();
  return { mode: 'keyless', trustedRoot, identity: flags.identity, identityRegExp: flags.identityRegexp, issuer: flags.issuer };
}
