// The HTTP side of the Discord stand-in: a local server that records every request (method, path, query,
// headers, parsed body, file names, answered status), injects faults and delays, and sends each request to the
// first route that matches it, checking the bot token as Discord does.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { discordError, DiscordErrors, json, type StandInResponse } from './standin-answers.ts';

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  /** The file as uploaded, for tests that read it back (a PNG decoded, say). */
  bytes: Uint8Array;
}

export interface RecordedRequest {
  /** Position in `requests`; handy to only look at requests after a mark. */
  index: number;
  method: string;
  /** Decoded path as received, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** `path` without the `/api/v10` prefix, e.g. `/channels/1/messages`. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the parsed `payload_json` (plus other text fields) of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** Status the stand-in answered with. */
  status: number;
  at: number;
}

export interface RequestMatcher {
  method?: string;
  pathIncludes?: string;
}

export type RouteHandler = (req: RecordedRequest, params: Record<string, string>) => StandInResponse | Promise<StandInResponse>;

interface Route {
  method: string;
  parts: string[];
  auth: boolean;
  handler: RouteHandler;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies as such; multipart bodies (sent by discord.js when files are attached) via `payload_json`. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  const files: RecordedFile[] = [];
  if (raw.length === 0) return { body: undefined, files };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: Record<string, unknown> = {};
    for (const [field, value] of form) {
      if (typeof value !== 'string') files.push({ field, name: value.name, contentType: value.type, size: value.size, bytes: new Uint8Array(await value.arrayBuffer()) });
      else if (field === 'payload_json') body = { ...body, ...(JSON.parse(value) as Record<string, unknown>) };
      else body[field] = value;
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  return { body: contentType?.startsWith('application/json') ? JSON.parse(text) : text, files };
}

function matches(m: RequestMatcher, method: string, path: string): boolean {
  return (!m.method || m.method.toUpperCase() === method) && (!m.pathIncludes || path.includes(m.pathIncludes));
}

export class StandInHttp {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: { matcher: RequestMatcher; response: StandInResponse; times: number }[] = [];
  private readonly delays: { matcher: RequestMatcher; ms: number }[] = [];
  private readonly faultsAfter: { matcher: RequestMatcher; response: StandInResponse; times: number }[] = [];
  private readonly routes: Route[] = [];
  private readonly waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private server: Server | undefined;
  port = 0;

  /** With a token, routes that need auth check `Authorization: Bot <token>`. */
  constructor(private readonly token: string | undefined) {}

  /** Listens on a free port of 127.0.0.1; WebSocket upgrades go to `onUpgrade` (the gateway). */
  async listen(onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', onUpgrade);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections(); // discord.js (undici) keeps REST connections alive
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- Fault injection ----

  failNext(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.faults.push({ matcher, response, times });
  }

  failAfterHandling(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.faultsAfter.push({ matcher, response, times });
  }

  delay(matcher: RequestMatcher, ms: number): void {
    this.delays.push({ matcher, ms });
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.faultsAfter.length = 0;
    this.delays.length = 0;
  }

  /** Adds a route checked before all others (a test's override). */
  route(method: string, pattern: string, handler: RouteHandler, auth = true): void {
    this.routes.unshift({ method: method.toUpperCase(), parts: pattern.split('/'), auth, handler });
  }

  /** Adds a route checked after those added before it (the built-in ones, in order). */
  builtIn(method: string, pattern: string, handler: RouteHandler, auth = true): void {
    this.routes.push({ method, parts: pattern.split('/'), auth, handler });
  }

  // ---- Waiting ----

  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const past = this.requests.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests.slice(-10).map((r) => `${r.method} ${r.route} -> ${r.status}`);
        reject(new Error(`stand-in: no matching request within ${timeoutMs} ms; last requests:\n  ${seen.join('\n  ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  // ---- Plumbing ----

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.split('/').map((s) => decodeURIComponent(s)).join('/');
    let reply: StandInResponse;
    const record: RecordedRequest = {
      index: -1,
      method,
      path,
      route: path.replace(/^\/api\/v\d+/, ''),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      files: [],
      status: 0,
      at: Date.now(),
    };
    try {
      Object.assign(record, await parseBody(await readBody(req), req.headers['content-type']));
      const delay = this.delays.find((d) => matches(d.matcher, method, path));
      if (delay) await sleep(delay.ms);
      reply = this.takeFault(method, path) ?? (await this.handle(record));
      const after = this.faultsAfter.findIndex((f) => matches(f.matcher, method, path));
      const fault = this.faultsAfter[after];
      if (fault) {
        if (--fault.times <= 0) this.faultsAfter.splice(after, 1);
        reply = fault.response;
      }
    } catch (error) {
      reply = error instanceof SyntaxError
        ? discordError(400, 50109, 'The request body contains invalid JSON.')
        : json(500, { code: 0, message: `500: stand-in error: ${(error as Error).message}` });
    }
    record.status = reply.status;
    record.index = this.requests.push(record) - 1;
    for (const waiter of [...this.waiters]) if (waiter.predicate(record)) waiter.resolve(record);
    // Discord answers 204 with no body and no JSON content type; discord.js then yields an ArrayBuffer.
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
    } else if (reply.body instanceof Uint8Array) {
      // Files (attachments on the CDN) go out as they are.
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream', 'content-length': String(reply.body.length), ...headers }).end(reply.body);
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));
    }
  }

  private takeFault(method: string, path: string): StandInResponse | undefined {
    const i = this.faults.findIndex((f) => matches(f.matcher, method, path));
    const fault = this.faults[i];
    if (!fault) return undefined;
    if (--fault.times <= 0) this.faults.splice(i, 1);
    return fault.response;
  }

  private async handle(req: RecordedRequest): Promise<StandInResponse> {
    if (!/^\/api\/v10\//.test(req.path)) return DiscordErrors.notFound();
    const parts = req.route.split('/');
    for (const route of this.routes) {
      if (route.method !== req.method || route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.parts.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = parts[i] ?? ''), true) : p === parts[i]));
      if (!ok) continue;
      if (route.auth && this.token !== undefined && req.headers.authorization !== `Bot ${this.token}`) {
        return DiscordErrors.unauthorized();
      }
      return route.handler(req, params);
    }
    return DiscordErrors.notFound();
  }
}
