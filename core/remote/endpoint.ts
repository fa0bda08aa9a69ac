// Where an A/B sends its cases: one flag value (a LoRAX base URL, a full `/generate` URL, or a Predibase
// deployment URL) resolved to the one `POST …/generate` URL we call (lorax-api.md §1, §7). Predibase
// deployments differ from a self-hosted LoRAX only by a path prefix and the bearer token, so both go
// through the same resolution; the token is never part of a URL.
import { KolmError } from '../errors.ts';

export type EndpointKind = 'lorax' | 'predibase';

export interface RemoteEndpoint {
  /** The URL every case is POSTed to; always ends in `/generate`. */
  url: string;
  kind: EndpointKind;
  /** The URL as safe to show: origin and path, no query string or fragment. */
  display: string;
  /** Predibase tenant and deployment, when the URL has the `/{tenant}/deployments/v2/llms/{deployment}` shape. */
  tenant?: string;
  deployment?: string;
  /** What we changed in the URL the user gave, to show once (e.g. "/v1 dropped: cases go to the native route"). */
  note?: string;
}

// Predibase serving path: /{tenant}/deployments/v2/llms/{deployment}[/...] (lorax-api.md §7).
const PREDIBASE_PATH = /^\/([^/]+)\/deployments\/v2\/llms\/([^/]+)(\/.*)?$/;
// The legacy Predibase URL: /v1/llms/{name} on api.app.predibase.com.
const PREDIBASE_LEGACY_PATH = /^\/v1\/llms\/([^/]+)(\/.*)?$/;
// OpenAI-style suffixes people paste from Predibase's "migrate from OpenAI" page; the same deployment serves
// the native route beside them, and only that one returns `generated_text` with LoRAX's error bodies.
const OPENAI_SUFFIX = /\/v1(?:\/(?:chat\/)?completions)?$/;

function usage(message: string, hint: string): KolmError {
  return new KolmError('E_USAGE', message, { hint });
}

/** Resolve an `--against` value to the `/generate` URL to call. Throws E_USAGE for anything we cannot call. */
export function resolveEndpoint(input: string): RemoteEndpoint {
  const raw = input.trim();
  // What we may echo: never a "user:secret@" part, whatever the scheme.
  const safe = raw.replace(/^([^/@]*\/\/)?[^/@]*@/, '$1…@').slice(0, 200);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usage(
      `--against "${safe}" is not a URL`,
      'give the LoRAX server URL (e.g. http://localhost:8080) or the Predibase deployment URL ' +
        '(https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>)',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const shown = `${url.protocol}//${url.host}${url.pathname}`.slice(0, 200);
    throw usage(
      raw.includes('://') ? `--against must be an http(s) URL, not ${url.protocol} (${shown})` : `--against "${safe}" has no http:// or https://`,
      'e.g. http://localhost:8080 or https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>',
    );
  }
  if (url.username || url.password) {
    // Never echo the URL here: the credentials are in it.
    throw usage(
      `--against has credentials in the URL (${url.protocol}//…@${url.host}); kolm sends the token only as a header`,
      'remove "user:password@" from the URL and set PREDIBASE_API_TOKEN (or --token) instead',
    );
  }
  url.hash = '';

  let path = url.pathname.replace(/\/+$/, '');
  let note: string | undefined;
  if (/\/generate_stream$/.test(path)) {
    path = path.replace(/\/generate_stream$/, '');
    note = '/generate_stream replaced by /generate: the A/B reads whole responses';
  } else if (OPENAI_SUFFIX.test(path)) {
    const dropped = path.match(OPENAI_SUFFIX)![0];
    path = path.slice(0, -dropped.length);
    note = `${dropped} replaced by /generate: the A/B speaks the native LoRAX route`;
  } else if (/\/(invocations)$/.test(path)) {
    path = path.replace(/\/invocations$/, '');
    note = '/invocations replaced by /generate';
  }
  if (!/\/generate$/.test(path)) path = `${path}/generate`;
  url.pathname = path;

  const base = path.slice(0, -'/generate'.length);
  const endpoint: RemoteEndpoint = {
    url: url.toString(),
    kind: 'lorax',
    display: `${url.origin}${url.pathname}`,
  };
  if (note) endpoint.note = note;
  const modern = PREDIBASE_PATH.exec(base);
  const legacy = PREDIBASE_LEGACY_PATH.exec(base);
  if (modern && !modern[3]) {
    endpoint.kind = 'predibase';
    endpoint.tenant = decodeURIComponent(modern[1]!);
    endpoint.deployment = decodeURIComponent(modern[2]!);
  } else if (legacy && !legacy[2] && /(^|\.)predibase\.com$/.test(url.hostname)) {
    endpoint.kind = 'predibase';
    endpoint.deployment = decodeURIComponent(legacy[1]!);
  } else if (/(^|\.)predibase\.com$/.test(url.hostname)) {
    endpoint.kind = 'predibase';
  }
  return endpoint;
}
