// `kolm serve`: a LoRAX-compatible HTTP server over one or more .kolm files. Thin: load and verify every
// artifact (before the port opens), build core's handler, bind it, and turn SIGINT/SIGTERM into a
// graceful shutdown. Logs are JSON lines on stdout (one per request unless --quiet).
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { number } from '../validators.ts';
import { isKolmError } from '../../core/errors.ts';
import type { ArtifactSet, LoadOptions, Metrics, ServedArtifact } from '../../core/serve/index.ts';
import { KolmCommand } from '../base-command.ts';
import { value } from '../options.ts';
import { trustFlags, trustFrom } from '../sign-flags.ts';
import { adapterFlags, adapterOptionsFrom } from '../adapter-flags.ts';
import { abstainPolicyFrom, runtimeFlags, runtimeOptionsFrom, withAbstain } from '../runtime-flags.ts';
import { VERSION } from '../../core/version.ts';

export class ServeCommand extends KolmCommand {
  static override paths = [['serve']];
  static override usage = Command.Usage({
    category: 'Run',
    description: 'Serve .kolm artifacts over the LoRAX HTTP API',
    details: `
      Speaks LoRAX's API (POST /generate, /generate_stream, / and /invocations; GET /health, /info,
      /metrics) and OpenAI's (/v1/completions, /v1/chat/completions, /v1/models), so an unmodified LoRAX
      or Predibase client works. \`parameters.adapter_id\` (or the OpenAI \`model\`) picks an artifact by
      its name or by the Predibase id it replaces (REPO/VERSION or REPO, from kolm compile --adapter-id);
      without one the first artifact answers.

      \`inputs\` is the artifact's input: for a spec with a prompt template, send the prompt rendered with
      it (the fields are read back), or a JSON object of the input fields.

      Every artifact's digests are checked before the port opens. With --watch, an artifact replaced on
      disk is verified and swapped in while requests keep running. SIGINT/SIGTERM stop accepting,
      finish the requests in flight, then exit.

      With \`details: true\`, a recipe's answer also carries its \`confidence\` (and \`abstained\` under
      --abstain-below, \`path\` for a cascade: local or fallback). /metrics counts cascade answers by path,
      fallback errors and abstentions.
    `,
    examples: [
      ['Serve one artifact on port 8080', '$0 serve my.kolm'],
      ['Two artifacts, picked by adapter_id', '$0 serve intent.kolm slots.kolm --port 9000 --watch'],
    ],
  });

  artifacts = Option.Rest({ required: 1, name: 'artifact.kolm' });
  baseGguf = adapterFlags.baseGguf();
  threads = adapterFlags.threads();
  classifierRuntime = runtimeFlags.classifierRuntime();
  abstainBelow = runtimeFlags.abstainBelow();
  abstainOutput = runtimeFlags.abstainOutput();
  fallbackUrl = runtimeFlags.fallbackUrl();
  fallbackTimeout = runtimeFlags.fallbackTimeout();
  fallbackRetries = runtimeFlags.fallbackRetries();
  onFallbackError = runtimeFlags.onFallbackError();
  port = value('port', Option.String('--port', '8080', {
    description: 'Port to listen on, 0 to 65535 (0: any free port)',
    validator: number({ integer: true, min: 0, max: 65535 }),
  }));
  host = value('address', Option.String('--host', '127.0.0.1', { description: 'Address to bind (0.0.0.0: every interface)' }));
  loraxCompat = Option.Boolean('--lorax-compat', false, {
    description: "Answer the /v1 routes with LoRAX's exact values (id \"null\", model \"null\", ...) instead of OpenAI's",
  });
  watch = Option.Boolean('--watch', false, { description: 'Reload an artifact when its file is replaced' });
  quiet = Option.Boolean('--quiet', false, { description: 'No per-request log lines' });
  requireSignature = Option.Boolean('--require-signature', false, { description: 'Refuse artifacts without kolm.sig' });
  key = trustFlags.key();
  identity = trustFlags.identity();
  identityRegexp = trustFlags.identityRegexp();
  issuer = trustFlags.issuer();
  trustedRoot = trustFlags.trustedRoot();
  maxConcurrency = value('n', Option.String('--max-concurrency', '1024', {
    description: 'Generate requests in flight before answering 429 overloaded',
    validator: number({ integer: true, min: 1 }),
  }));
  maxBodyBytes = value('bytes', Option.String('--max-body-bytes', String(2 * 1024 * 1024), {
    description: 'Largest request body accepted (413 above)',
    validator: number({ integer: true, min: 1 }),
  }));
  timeout = value('seconds', Option.String('--timeout', '30', {
    description: 'Seconds a client has to send a whole request (408 after)',
    validator: number({ min: 0.01 }),
  }));

  async run(): Promise<number> {
    const out = this.context.stdout;
    const line = (value: Record<string, unknown>) => out.write(`${JSON.stringify(value)}\n`);
    const event = (msg: string, extra: Record<string, unknown> = {}) => line({ time: new Date().toISOString(), level: 'info', msg, ...extra });

    const serve = await import('../../core/serve/index.ts');
    const { ArtifactSet, createHandler, listen, Metrics, watchFiles } = serve;
    const paths = this.artifacts.map((a) => resolve(this.context.cwd, a));
    const trust = await trustFrom(this, this.context);
    const abstain = await abstainPolicyFrom(this);
    const loadOptions: LoadOptions = {
      requireSignature: this.requireSignature,
      ...(trust ? { trust } : {}),
      adapter: adapterOptionsFrom(this, this.context),
      ...(await runtimeOptionsFrom(this, this.context)),
    };
    // Every load (the first and each --watch reload) abstains the same way.
    const loadServedArtifact = async (path: string, options: LoadOptions): Promise<ServedArtifact> => {
      const a = await serve.loadServedArtifact(path, options);
      return { ...a, predictor: await withAbstain(a.predictor, abstain) };
    };
    const loaded: ServedArtifact[] = [];
    for (const p of paths) loaded.push(await loadServedArtifact(p, loadOptions));
    const set = new ArtifactSet(loaded);
    for (const a of loaded) {
      event('artifact loaded', { artifact: a.name, path: a.path, root_digest: a.rootDigest, signature: a.signature });
      if (a.signature === 'unverified') {
        event('signer not verified', { artifact: a.name, level: 'warn', hint: 'kolm.sig matches the artifact; pass --key or --certificate-identity to check who signed it' });
      }
    }

    const metrics = new Metrics();
    for (const a of loaded) metrics.gauge('kolm_artifact_loaded', 'Artifacts served', { artifact: a.name }, () => 1);
    const controller = new AbortController();
    let draining = false;
    const handler = createHandler({
      artifacts: set,
      // --timeout is the time a client has to send the whole request, so it is also the body deadline.
      limits: { maxConcurrency: this.maxConcurrency, maxBodyBytes: this.maxBodyBytes, bodyTimeoutMs: this.timeout * 1000 },
      now: () => performance.now(),
      wallClock: () => Date.now(),
      ...(this.quiet ? {} : { log: (l: object) => line(l as Record<string, unknown>) }),
      metrics,
      version: VERSION,
      loraxCompat: this.loraxCompat,
      draining: () => draining,
    });

    const server = await listen(handler, {
      port: this.port,
      host: this.host,
      requestTimeoutMs: this.timeout * 1000,
      signal: controller.signal,
      onClientError: (status, code) => {
        metrics.observe({ route: 'unparsed', artifact: '', status, errorType: code, seconds: 0, generate: false });
        if (!this.quiet) line({ time: new Date().toISOString(), method: '', path: '', status, error_type: code });
      },
    });
    // Watch before announcing, so a file replaced right after "listening" is not missed.
    if (this.watch) {
      watchFiles(paths, (path) => void this.reload(path, set, loadOptions, metrics, event, loadServedArtifact), controller.signal);
    }
    event('listening', { url: server.url, artifacts: loaded.map((a) => a.name), lorax_compat: this.loraxCompat });


    // Process signals live here, at the edge; the first starts a graceful shutdown, a second cuts it short.
    const onSignal = (name: string) => {
      if (draining) {
        event('second signal: closing every connection', { signal: name });
        server.server.closeAllConnections();
        return;
      }
      draining = true;
      event('shutting down', { signal: name, in_flight: handler.inFlight });
      controller.abort();
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      await server.closed;
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
    await set.closeAll();
    event('stopped');
    return 0;
  }

  private async reload(
    path: string,
    set: ArtifactSet,
    options: LoadOptions,
    metrics: Metrics,
    event: (msg: string, extra?: Record<string, unknown>) => void,
    loadServedArtifact: (path: string, options: LoadOptions) => Promise<ServedArtifact>,
  ): Promise<void> {
    const current = set.list().find((a) => a.path === path);
    try {
      const next = await loadServedArtifact(path, options);
      if (current && next.rootDigest === current.rootDigest) return;
      await set.replace(next);
      if (current && current.name !== next.name) metrics.removeGauges('kolm_artifact_loaded');
      for (const a of set.list()) metrics.gauge('kolm_artifact_loaded', 'Artifacts served', { artifact: a.name }, () => 1);
      metrics.reload(next.name, true);
      event('artifact reloaded', { artifact: next.name, path, root_digest: next.rootDigest, signature: next.signature });
    } catch (err) {
      // A half-written or tampered file: keep serving the version already loaded.
      metrics.reload(current?.name ?? path, false);
      const error = isKolmError(err) ? err.toJSON() : { message: String((err as Error)?.message ?? err) };
      event('artifact reload refused; still serving the loaded version', { level: 'error', path, error });
    }
  }
}
