// The ambient OIDC identity for keyless signing, read from the environment it is given (never process.env):
// an explicit token, SIGSTORE_ID_TOKEN, or GitHub Actions' token endpoint with audience "sigstore" (the
// workflow needs `permissions: id-token: write`). Mirrors @sigstore/sign's CIContextProvider.
import type { IdentityProvider } from '@sigstore/sign';
import { KolmError } from '../errors.ts';

export const SIGSTORE_AUDIENCE = 'sigstore';

export interface AmbientIdentityOptions {
  env: Record<string, string | undefined>;
  /** An explicit token wins over the environment. */
  token?: string;
  fetch?: typeof fetch;
}

/** An identity provider that fetches the token lazily (only when Fulcio is asked for a certificate). */
export function ambientIdentityProvider(options: AmbientIdentityOptions): IdentityProvider {
  return { getToken: () => ambientIdentityToken(options) };
}

export async function ambientIdentityToken({ env, token, fetch: doFetch = fetch }: AmbientIdentityOptions): Promise<string> {
  if (token) return token;
  if (env.SIGSTORE_ID_TOKEN) return env.SIGSTORE_ID_TOKEN;
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new KolmError('E_USAGE', 'keyless signing needs an OIDC identity token, and none was found', {
      hint: 'in GitHub Actions add `permissions: id-token: write` to the job; elsewhere set SIGSTORE_ID_TOKEN (audience "sigstore"), or sign with --key',
    });
  }
  const target = new URL(url);
  target.searchParams.set('audience', SIGSTORE_AUDIENCE);
  let response: Response;
  try {
    response = await doFetch(target, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } });
  } catch (err) {
    throw new KolmError('E_REMOTE', `could not reach the GitHub Actions OIDC endpoint (${target.origin}): ${(err as Error).message}`, {
      hint: 'this runs inside GitHub Actions only; check the runner network',
      cause: err,
    });
  }
  if (!response.ok) {
    throw new KolmError('E_REMOTE', `the GitHub Actions OIDC endpoint answered ${response.status} ${response.statusText}`, {
      hint: 'give the job `permissions: id-token: write`',
    });
  }
  const body = (await response.json().catch(() => null)) as { value?: unknown } | null;
  if (!body || typeof body.value !== 'string' || !body.value) {
    throw new KolmError('E_REMOTE', 'the GitHub Actions OIDC endpoint answered without a token (`value`)', { hint: 'give the job `permissions: id-token: write`' });
  }
  return body.value;
}
