// Binding a handler to a port, with the timeouts and the graceful shutdown `kolm serve` promises. Takes an
// AbortSignal rather than process signals: the command wires SIGINT/SIGTERM to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KolmError } from '../errors.ts';

export interface ListenOptions {
  port: number;
  host: string;
  /** Whole request (headers and body) must arrive within this; else 408. */
  requestTimeoutMs: number;
  /** Headers must arrive within this (at most requestTimeoutMs); else 408. */
  headersTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** After shutdown starts, requests still running after this long are cut. */
  graceMs?: number;
  /** Aborting starts the shutdown: stop accepting, finish what is in flight, then close. */
  signal: AbortSignal;
  /** A request the HTTP parser rejected before it reached the handler (status sent, or 0 when none could be). */
  onClientError?: (status: number, code: string) => void;
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  /** Resolves when the server has closed after a shutdown (every connection ended). */
  closed: Promise<void>;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

function clientErrorStatus(code: string): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  return 400;
}

export function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, options: ListenOptions): Promise<Listening> {
  const requestTimeout = options.requestTimeoutMs;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? requestTimeout, requestTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Timeouts are only checked this often (node's default is every 30 s).
      connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(requestTimeout / 4))),
      maxHeaderSize: 16 * 1024,
    },
    handler,
  );

  // What node's default does, plus a JSON body and a hook for metrics.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const code = err.code ?? 'UNKNOWN';
    const current = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (code === 'ECONNRESET' || !socket.writable || (current && current.headersSent)) {
      options.onClientError?.(0, code);
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(code);
    const body = JSON.stringify({ error: `${REASONS[status]} (${code})`, error_type: status === 408 ? 'timeout' : 'bad_request' });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    options.onClientError?.(status, code);
  });

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const shutdown = () => {
    server.close();
    server.closeIdleConnections();
    // Connections busy now become idle when their answer is done; close each then.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
    void closed.then(() => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
  };

  return new Promise((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) => reject(listenError(err, options));
    server.once('error', fail);
    try {
      server.listen(options.port, options.host, onListening);
    } catch (err) {
      // An out-of-range port throws here rather than emitting 'error'.
      server.off('error', fail);
      fail(err as NodeJS.ErrnoException);
    }
    function onListening() {
      server.off('error', fail);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      if (options.signal.aborted) shutdown();
      else options.signal.addEventListener('abort', shutdown, { once: true });
      resolve({ server, url: `http://${host}:${port}`, port, closed });
    }
  });
}

/** Why the port could not be bound, as what the user can change: the port or the address. */
export function listenError(err: NodeJS.ErrnoException, { port, host }: Pick<ListenOptions, 'port' | 'host'>): Error {
  const where = `${host}:${port}`;
  const portHint = 'pick another --port (--port 0 takes any free one)';
  switch (err.code) {
    case 'EADDRINUSE':
      return new KolmError('E_PORT_IN_USE', `port ${port} on ${host} is already in use`, { hint: `stop what listens there, or ${portHint}`, cause: err });
    case 'EACCES':
    case 'EPERM':
      return new KolmError('E_PORT_IN_USE', `not allowed to listen on ${where} (ports below 1024 need privileges)`, { hint: portHint, cause: err });
    case 'ERR_SOCKET_BAD_PORT':
      return new KolmError('E_USAGE', `port ${port} is out of range: use 0 to 65535`, { hint: portHint, cause: err });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new KolmError('E_USAGE', `cannot listen on ${host}: not an address of this machine`, { hint: '--host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)', cause: err });
    default:
      return err;
  }
}
