// Local Sigstore stand-ins for keyless tests: @sigstore/mock's Fulcio (CA + CT log) and TSA behind a loopback
// node:http server, a GitHub-Actions-style OIDC token endpoint, and the trusted root that trusts exactly them.
// Clock: whole seconds, 1 s ahead (reference/signing.md §3: the mock TSA drops trailing zeros of fractional
// seconds, which @sigstore/core refuses; its certificates take the real time as notBefore).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTSA, tsaHandler } from '@sigstore/mock';
import { generateKeyPairSync } from 'node:crypto';
import { readBody } from '../../_util/http.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const WORKFLOW_IDENTITY = 'https://github.com/acme/models/.github/workflows/release.yml@refs/tags/v1.2.0';

export interface FakeSigstore {
  url: string;
  fulcioURL: string;
  tsaURL: string;
  /** GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_URL equivalent (answers `{value: token}`). */
  oidcRequestURL: string;
  oidcRequestToken: string;
  /** The token the OIDC endpoint hands out (sub = WORKFLOW_IDENTITY, iss = GitHub's issuer). */
  idToken: string;
  /** Query strings and Authorization headers the OIDC endpoint saw. */
  oidcRequests: { audience: string | null; authorization: string | undefined }[];
  trustedRoot: Record<string, unknown>;
  close(): Promise<void>;
}

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT: the mock Fulcio decodes claims without checking the signature. */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ aud: 'sigstore', exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.c2ln`;
}

const ecPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

export async function startFakeSigstore(options: { identity?: string; issuer?: string } = {}): Promise<FakeSigstore> {
  const clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
  const ctLog = await initializeCTLog(ecPair(), clock);
  const ca = await initializeCA(ecPair(), ctLog, clock);
  const tsa = await initializeTSA(ecPair(), clock);
  const fulcio = fulcioHandler(ca);
  const timestamp = tsaHandler(tsa);
  const idToken = fakeJwt({ sub: options.identity ?? WORKFLOW_IDENTITY, iss: options.issuer ?? GITHUB_ISSUER, repository: 'acme/models', ref: 'refs/tags/v1.2.0' });
  const oidcRequestToken = 'gha-request-token';
  const oidcRequests: FakeSigstore['oidcRequests'] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (url.pathname === '/oidc/token' && req.method === 'GET') {
      oidcRequests.push({ audience: url.searchParams.get('audience'), authorization: req.headers.authorization });
      const ok = req.headers.authorization === `Bearer ${oidcRequestToken}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { value: idToken } : { message: 'bad token' }));
      return;
    }
    const handler = url.pathname === fulcio.path ? fulcio : url.pathname === timestamp.path ? timestamp : undefined;
    if (!handler || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const result = await handler.fn(body.toString('utf8'));
    res.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain' });
    res.end(typeof result.response === 'string' ? result.response : Buffer.from(result.response.buffer, result.response.byteOffset, result.response.byteLength));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const der = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  const validFor = { start: new Date(clock.getTime() - 86_400_000).toISOString() };
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [
      { subject: { organization: 'sigstore.mock', commonName: 'sigstore' }, uri: url, certChain: { certificates: [{ rawBytes: der(ca.rootCertificate) }] }, validFor },
    ],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: ctLog.publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
        logId: { keyId: der(ctLog.logID) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: url,
        certChain: { certificates: [{ rawBytes: der(tsa.intCertificate) }, { rawBytes: der(tsa.rootCertificate) }] },
        validFor,
      },
    ],
  };
  return {
    url,
    fulcioURL: url,
    tsaURL: url,
    oidcRequestURL: `${url}/oidc/token?api-version=2.0`,
    oidcRequestToken,
    idToken,
    oidcRequests,
    trustedRoot,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

