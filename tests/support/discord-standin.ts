// A small local stand-in for Discord's REST API and gateway, for tests only.
//
// Point a real discord.js Client at it with `rest: { api: apiBase }`; the gateway address is learned
// from GET /gateway/bot. Every REST request is recorded (method, path, query, headers, parsed body,
// file names, answered status) so tests assert on exactly what Discord would have received, and
// faults (429, 5xx, Discord JSON errors, delays, deleted/forbidden channels) can be injected.
// Answers follow Discord's documented shapes and error codes, so discord.js behaves as in production.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { StandInGateway } from './standin-gateway.ts';
import {
  DEFAULT_PERMISSIONS,
  makeGuild,
  makeMessage,
  makeUser,
  restGuild,
  snowflake,
  type GuildSpec,
  type MessageBody,
} from './standin-payloads.ts';

export { snowflake, makeUser, type GuildSpec } from './standin-payloads.ts';

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

export interface StandInResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: RecordedRequest, params: Record<string, string>) => StandInResponse | Promise<StandInResponse>;

export interface StandInOptions {
  /** When set, REST `Authorization: Bot <token>` and the IDENTIFY/RESUME token are checked. */
  token?: string;
  /** HELLO's heartbeat_interval (Discord sends 41250). */
  heartbeatIntervalMs?: number;
  bot?: Partial<APIUser>;
  /** The user who invokes interactions by default; added as a member of every guild. */
  tester?: Partial<APIUser>;
  guilds?: GuildSpec[];
  /** Discord rejects callbacks later than 3 s after the interaction with 10062; 0 disables. */
  interactionAckDeadlineMs?: number;
  /** The shard count GET /gateway/bot recommends (1). */
  shards?: number;
}

type OptionValue = string | number | boolean;

interface InteractionCommon {
  guildId?: string;
  channelId?: string;
  user?: APIUser;
  locale?: Locale;
  /** Invoking member's permissions in the channel. */
  permissions?: string;
  appPermissions?: string;
  /** Shallow overrides applied last, for payload shapes the builder does not cover. */
  overrides?: Record<string, unknown>;
  /** Files attached to attachment options (from hostAttachment), delivered in `data.resolved.attachments`. */
  attachments?: APIAttachment[];
  /** Only this gateway session gets it (of several bot processes connected, the one Discord would pick). */
  session?: string;
}

export type InteractionSpec = InteractionCommon &
  (
    | { kind: 'command'; name: string; options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[] }
    | { kind: 'autocomplete'; name: string; focused: string; options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[] }
    | { kind: 'button'; customId: string; messageId?: string }
    | { kind: 'select'; customId: string; values: string[]; messageId?: string }
  );

export interface SentInteraction {
  interaction: APIInteraction;
  id: string;
  token: string;
  /** Resolves with the recorded `POST /interactions/{id}/{token}/callback`. */
  callback(timeoutMs?: number): Promise<RecordedRequest>;
}

interface InteractionState {
  interaction: APIInteraction;
  sentAt: number;
  acked: boolean;
  originalId?: string;
  messageIds: Set<string>;
}

interface Route {
  method: string;
  parts: string[];
  auth: boolean;
  handler: RouteHandler;
}

// ---- Discord-shaped answers -------------------------------------------------------------------

const json = (status: number, body: unknown, headers?: Record<string, string>): StandInResponse => ({ status, body, headers });
const noContent: StandInResponse = { status: 204 };

/** A Discord JSON error, e.g. `discordError(404, 10003, 'Unknown Channel')`. */
export function discordError(status: number, code: number, message: string): StandInResponse {
  return json(status, { code, message });
}

/** A 50035 Invalid Form Body error with Discord's nested `errors` object. */
function formError(path: (string | number)[], code: string, message: string): StandInResponse {
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return json(400, { code: 50035, message: 'Invalid Form Body', errors });
}

export const DiscordErrors = {
  notFound: () => discordError(404, 0, '404: Not Found'),
  unauthorized: () => discordError(401, 0, '401: Unauthorized'),
  unknownChannel: () => discordError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => discordError(404, 10004, 'Unknown Guild'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => discordError(404, 10063, 'Unknown application command'),
  missingAccess: () => discordError(403, 50001, 'Missing Access'),
  missingPermissions: () => discordError(403, 50013, 'Missing Permissions'),
  emptyMessage: () => discordError(400, 50006, 'Cannot send an empty message'),
  alreadyAcknowledged: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
} as const;

/** A 429 as Discord sends it: `retry-after` in seconds (header and body) and the x-ratelimit headers. */
export function rateLimited(retryAfterSeconds: number, opts: { global?: boolean } = {}): StandInResponse {
  const headers: Record<string, string> = {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Date.now() / 1000 + retryAfterSeconds),
    'x-ratelimit-reset-after': String(retryAfterSeconds),
    'x-ratelimit-bucket': 'standin-bucket',
    'x-ratelimit-scope': opts.global ? 'global' : 'user',
  };
  if (opts.global) headers['x-ratelimit-global'] = 'true';
  return json(429, { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: Boolean(opts.global) }, headers);
}

/** Discord's message limits that bots most often trip over; returns an error answer or undefined. */
function validateMessage(body: MessageBody, files: RecordedFile[], requireContent: boolean): StandInResponse | undefined {
  if (typeof body.content === 'string' && body.content.length > 2000) {
    return formError(['content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) return formError(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  for (const [i, embed] of embeds.entries()) {
    if ((embed.title?.length ?? 0) > 256) return formError(['embeds', i, 'title'], 'BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.');
    if ((embed.description?.length ?? 0) > 4096) {
      return formError(['embeds', i, 'description'], 'BASE_TYPE_MAX_LENGTH', 'Must be 4096 or fewer in length.');
    }
    if ((embed.fields?.length ?? 0) > 25) return formError(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  }
  const hasSomething = Boolean(body.content) || embeds.length > 0 || (body.components?.length ?? 0) > 0 ||
    files.length > 0 || (body.sticker_ids?.length ?? 0) > 0 || body.poll !== undefined;
  return requireContent && !hasSomething ? DiscordErrors.emptyMessage() : undefined;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Validates a command as Discord does for CHAT_INPUT names/descriptions; returns an error answer or undefined. */
function validateCommand(cmd: Partial<APIApplicationCommand>, at: (string | number)[]): StandInResponse | undefined {
  const type = cmd.type ?? ApplicationCommandType.ChatInput;
  const name = cmd.name ?? '';
  if (type === ApplicationCommandType.ChatInput) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      return formError([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
    }
    const d = cmd.description ?? '';
    if (d.length < 1 || d.length > 100) return formError([...at, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  } else if (name.length < 1 || name.length > 32) {
    return formError([...at, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
  const options = (cmd.options ?? []) as unknown as Partial<APIApplicationCommand>[];
  if (options.length > 25) return formError([...at, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  for (const [i, option] of options.entries()) {
    const error = validateCommand({ ...option, type: ApplicationCommandType.ChatInput }, [...at, 'options', i]);
    if (error) return error;
  }
  return undefined;
}

// ---- Request parsing --------------------------------------------------------------------------

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

// ---- The stand-in -----------------------------------------------------------------------------

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly bot: APIUser;
  readonly tester: APIUser;
  readonly applicationId: string;
  readonly guilds = new Map<string, GatewayGuildCreateDispatchData>();
  readonly channels = new Map<string, APITextChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Messages by `channel:nonce`, for enforce_nonce. */
  private readonly nonces = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionState>();
  /** Registered commands: key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly gateway: StandInGateway;

  private readonly options: StandInOptions;
  private readonly faults: { matcher: RequestMatcher; response: StandInResponse; times: number }[] = [];
  private readonly delays: { matcher: RequestMatcher; ms: number }[] = [];
  private readonly faultsAfter: { matcher: RequestMatcher; response: StandInResponse; times: number }[] = [];
  private readonly channelStates = new Map<string, 'deleted' | 'forbidden'>();
  private readonly routes: Route[] = [];
  private readonly waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private server: Server | undefined;
  private port = 0;

  constructor(options: StandInOptions = {}) {
    this.options = options;
    this.bot = makeUser({ username: 'Lectern', bot: true, ...options.bot });
    this.applicationId = this.bot.id; // as for every modern Discord bot
    this.tester = makeUser({ username: 'tester', global_name: 'Tester', ...options.tester });
    this.gateway = new StandInGateway({
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: () => this.gatewayUrl,
      bot: () => this.bot,
      applicationId: () => this.applicationId,
      guilds: () => [...this.guilds.values()],
    });
    for (const spec of options.guilds ?? []) this.addGuild(spec);
    this.registerRoutes();
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get connections(): number {
    return this.gateway.connections;
  }

  /** The gateway sessions, oldest first (one per connected bot process and shard). */
  sessionIds(): string[] {
    return [...this.gateway.sessions.keys()];
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  async start(): Promise<{ apiBase: string; gatewayUrl: string }> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { apiBase: this.apiBase, gatewayUrl: this.gatewayUrl };
  }

  /** Destroy discord.js clients first, or they will keep trying to reconnect to a closed port. */
  async stop(): Promise<void> {
    await this.gateway.close();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections(); // discord.js (undici) keeps REST connections alive
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- World state ----

  /** Adds a guild (with the bot and the tester as members); connected sessions get GUILD_CREATE. */
  addGuild(spec: GuildSpec = {}): GatewayGuildCreateDispatchData {
    const guild = makeGuild({ ...spec, members: [this.tester, ...(spec.members ?? [])] }, this.bot);
    this.guilds.set(guild.id, guild);
    for (const channel of guild.channels) this.channels.set(channel.id, channel as APITextChannel);
    this.gateway.dispatch(GatewayDispatchEvents.GuildCreate, guild);
    return guild;
  }

  /** Makes a channel answer like a deleted one (10003) or one the bot may not use (50013/50001). */
  markChannel(channelId: string, state: 'deleted' | 'forbidden' | 'ok'): void {
    if (state === 'ok') this.channelStates.delete(channelId);
    else this.channelStates.set(channelId, state);
  }

  /** Messages stored in a channel, oldest first. */
  /** Empties a channel (its messages and the nonces they were sent with), between tests. */
  clearChannel(channelId: string): void {
    for (const m of this.messagesIn(channelId)) this.messages.delete(m.id);
    for (const key of [...this.nonces.keys()]) if (key.startsWith(`${channelId}:`)) this.nonces.delete(key);
  }

  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  // ---- Fault injection ----

  /** The next `times` requests matching `matcher` get `response` instead of the normal answer. */
  failNext(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.faults.push({ matcher, response, times });
  }

  /**
   * The next `times` requests matching `matcher` are carried out as usual (a message is created, an interaction
   * acknowledged), but answered with `response`: a 5xx from a proxy after the work was done, as a client sees it.
   */
  failAfterHandling(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.faultsAfter.push({ matcher, response, times });
  }

  /** Delays every answer to matching requests by `ms`. */
  delay(matcher: RequestMatcher, ms: number): void {
    this.delays.push({ matcher, ms });
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.faultsAfter.length = 0;
    this.delays.length = 0;
    this.channelStates.clear();
  }

  /** Adds or overrides a REST route, e.g. `route('GET', '/guilds/:guild/roles', ...)`; checked before built-ins. */
  route(method: string, pattern: string, handler: RouteHandler, auth = true): void {
    this.routes.unshift({ method: method.toUpperCase(), parts: pattern.split('/'), auth, handler });
  }

  // ---- Gateway ----

  /** Sends a dispatch to every live session (disconnected ones get it replayed on RESUME). */
  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  closeSessions(code: number, reason?: string): void {
    this.gateway.closeSessions(code, reason);
  }

  dropSessions(): void {
    this.gateway.dropSessions();
  }

  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /**
   * Serves a file as Discord's CDN would serve a message attachment, and returns the attachment object
   * to put in a command's `resolved.attachments` (see InteractionSpec.attachments).
   */
  hostAttachment(filename: string, bytes: Uint8Array, contentType = 'text/plain; charset=utf-8'): APIAttachment {
    const id = snowflake();
    // The CDN path keeps only safe characters; the attachment's `filename` is whatever the user's file was called.
    const path = `/attachments/${id}/${filename.replace(/[^\w.-]+/g, '_')}`;
    this.route('GET', `/attachments/${id}/:name`, () => ({ status: 200, body: bytes, headers: { 'content-type': contentType } }), false);
    return { id, filename, size: bytes.length, url: `${this.apiBase}/v10${path}`, proxy_url: `${this.apiBase}/v10${path}`, content_type: contentType };
  }

  /** Builds a complete INTERACTION_CREATE payload, dispatches it and returns a handle on its callback. */
  sendInteraction(spec: InteractionSpec): SentInteraction {
    const interaction = this.buildInteraction(spec);
    this.interactions.set(interaction.token, { interaction, sentAt: Date.now(), acked: false, messageIds: new Set() });
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, interaction, undefined, spec.session);
    const route = `/interactions/${interaction.id}/${interaction.token}/callback`;
    return {
      interaction,
      id: interaction.id,
      token: interaction.token,
      callback: (timeoutMs = 5000) => this.waitForRequest((r) => r.method === 'POST' && r.route === route, timeoutMs),
    };
  }

  // ---- Waiting ----

  /** Resolves with the first recorded request (past or future) matching `predicate`; rejects after `timeoutMs`. */
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

  // ---- HTTP plumbing ----

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
      if (route.auth && this.options.token !== undefined && req.headers.authorization !== `Bot ${this.options.token}`) {
        return DiscordErrors.unauthorized();
      }
      return route.handler(req, params);
    }
    return DiscordErrors.notFound();
  }

  // ---- Built-in routes ----

  private registerRoutes(): void {
    const r = (method: string, pattern: string, handler: RouteHandler, auth = true) =>
      this.routes.push({ method, parts: pattern.split('/'), auth, handler });

    r('GET', '/gateway/bot', () =>
      json(200, {
        url: this.gatewayUrl,
        shards: this.options.shards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
    );
    r('GET', '/users/@me', () => json(200, this.bot));
    r('GET', '/users/:user', (_req, p) => {
      const users = [this.bot, ...[...this.guilds.values()].flatMap((g) => g.members.map((m) => m.user))];
      const user = users.find((u) => u.id === p.user);
      return user ? json(200, user) : discordError(404, 10013, 'Unknown User');
    });
    r('GET', '/applications/@me', () =>
      json(200, {
        id: this.applicationId, name: this.bot.username, icon: null, description: '', summary: '', bot_public: false,
        bot_require_code_grant: false, verify_key: '0'.repeat(64), team: null, flags: 0, flags_new: '0', bot: this.bot,
        owner: this.tester, approximate_guild_count: this.guilds.size,
      }),
    );

    // Application commands, global and per guild.
    const scopeOf = (p: Record<string, string>): string | StandInResponse => {
      if (p.app !== this.applicationId) return discordError(404, 10002, 'Unknown Application');
      if (p.guild && !this.guilds.has(p.guild)) return DiscordErrors.missingAccess();
      return p.guild ?? 'global';
    };
    for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      r('GET', base, (_req, p) => {
        const scope = scopeOf(p);
        return typeof scope === 'string' ? json(200, this.commands.get(scope) ?? []) : scope;
      });
      r('PUT', base, (req, p) => {
        const scope = scopeOf(p);
        if (typeof scope !== 'string') return scope;
        const list = (Array.isArray(req.body) ? req.body : []) as Partial<APIApplicationCommand>[];
        for (const [i, cmd] of list.entries()) {
          const error = validateCommand(cmd, [i]);
          if (error) return error;
        }
        const old = this.commands.get(scope) ?? [];
        // Bulk overwrite keeps the id of a command with the same name and type.
        const next = list.map((cmd) => this.storedCommand(cmd, scope, old));
        this.commands.set(scope, next);
        return json(200, next);
      });
      r('POST', base, (req, p) => {
        const scope = scopeOf(p);
        if (typeof scope !== 'string') return scope;
        const cmd = (req.body ?? {}) as Partial<APIApplicationCommand>;
        const error = validateCommand(cmd, []);
        if (error) return error;
        const list = this.commands.get(scope) ?? [];
        const stored = this.storedCommand(cmd, scope, list);
        const existing = list.findIndex((c) => c.id === stored.id);
        if (existing >= 0) list[existing] = stored;
        else list.push(stored);
        this.commands.set(scope, list);
        return json(existing >= 0 ? 200 : 201, stored);
      });
      r('GET', `${base}/:command`, (_req, p) => {
        const scope = scopeOf(p);
        if (typeof scope !== 'string') return scope;
        const cmd = this.commands.get(scope)?.find((c) => c.id === p.command);
        return cmd ? json(200, cmd) : DiscordErrors.unknownCommand();
      });
      r('DELETE', `${base}/:command`, (_req, p) => {
        const scope = scopeOf(p);
        if (typeof scope !== 'string') return scope;
        const list = this.commands.get(scope) ?? [];
        const i = list.findIndex((c) => c.id === p.command);
        if (i < 0) return DiscordErrors.unknownCommand();
        list.splice(i, 1);
        return noContent;
      });
    }

    // Interaction callbacks and the interaction webhook (no bot token: the interaction token authorizes).
    r('POST', '/interactions/:id/:token/callback', (req, p) => this.onCallback(req, p.id ?? '', p.token ?? ''), false);
    r('POST', '/webhooks/:app/:token', (req, p) => {
      const state = this.interactionFor(p);
      if (!state?.acked) return DiscordErrors.unknownWebhook();
      const body = (req.body ?? {}) as MessageBody;
      const error = validateMessage(body, req.files, true);
      if (error) return error;
      const message = this.createInteractionMessage(state, body, req.files);
      state.messageIds.add(message.id);
      return json(200, message); // interaction follow-ups always behave as `wait=true`
    }, false);
    const webhookMessage = (p: Record<string, string>): { state?: InteractionState; message?: APIMessage } => {
      const state = this.interactionFor(p);
      if (!state) return {};
      const id = p.message === '@original' ? state.originalId : state.messageIds.has(p.message ?? '') ? p.message : undefined;
      return { state, message: id ? this.messages.get(id) : undefined };
    };
    r('GET', '/webhooks/:app/:token/messages/:message', (_req, p) => {
      const { state, message } = webhookMessage(p);
      return !state ? DiscordErrors.unknownWebhook() : message ? json(200, message) : DiscordErrors.unknownMessage();
    }, false);
    r('PATCH', '/webhooks/:app/:token/messages/:message', (req, p) => {
      const { state, message } = webhookMessage(p);
      if (!state) return DiscordErrors.unknownWebhook();
      if (!message) return DiscordErrors.unknownMessage();
      const body = (req.body ?? {}) as MessageBody;
      return validateMessage(body, req.files, false) ?? json(200, this.editMessage(message, body, req.files));
    }, false);
    r('DELETE', '/webhooks/:app/:token/messages/:message', (_req, p) => {
      const { state, message } = webhookMessage(p);
      if (!state) return DiscordErrors.unknownWebhook();
      if (!message) return DiscordErrors.unknownMessage();
      this.deleteMessage(message);
      return noContent;
    }, false);

    // Channels and messages.
    r('GET', '/channels/:channel', (_req, p) => {
      const channel = this.usableChannel(p.channel, 'read');
      return 'status' in channel ? channel : json(200, channel);
    });
    r('POST', '/channels/:channel/messages', (req, p) => {
      const channel = this.usableChannel(p.channel, 'write');
      if ('status' in channel) return channel;
      const body = (req.body ?? {}) as MessageBody & { message_reference?: APIMessage['message_reference']; nonce?: string | number; enforce_nonce?: boolean };
      const error = validateMessage(body, req.files, true);
      if (error) return error;
      // With enforce_nonce, Discord answers a repeated nonce (within minutes) with the message it already created.
      const nonceKey = body.enforce_nonce && body.nonce !== undefined ? `${channel.id}:${body.nonce}` : null;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier) return json(200, earlier);
      const message = makeMessage(channel.id, this.bot, body, {
        attachments: this.attachments(req.files),
        ...(body.message_reference ? { type: MessageType.Reply, message_reference: body.message_reference } : {}),
      });
      this.storeMessage(message, GatewayDispatchEvents.MessageCreate);
      if (nonceKey) this.nonces.set(nonceKey, message);
      return json(200, message);
    });
    r('GET', '/channels/:channel/messages', (req, p) => {
      const channel = this.usableChannel(p.channel, 'read');
      if ('status' in channel) return channel;
      const limit = Math.min(Math.max(Number(req.query.limit ?? 50), 1), 100);
      return json(200, this.messagesIn(channel.id).slice().reverse().slice(0, limit));
    });
    const channelMessage = (p: Record<string, string>): APIMessage | StandInResponse => {
      const channel = this.usableChannel(p.channel, 'read');
      if ('status' in channel) return channel;
      const message = this.messages.get(p.message ?? '');
      return message && message.channel_id === channel.id ? message : DiscordErrors.unknownMessage();
    };
    r('GET', '/channels/:channel/messages/:message', (_req, p) => {
      const m = channelMessage(p);
      return 'status' in m ? m : json(200, m);
    });
    r('PATCH', '/channels/:channel/messages/:message', (req, p) => {
      const m = channelMessage(p);
      if ('status' in m) return m;
      if (m.author.id !== this.bot.id) return discordError(403, 50005, 'Cannot edit a message authored by another user');
      const body = (req.body ?? {}) as MessageBody;
      return validateMessage(body, req.files, false) ?? json(200, this.editMessage(m, body, req.files));
    });
    r('DELETE', '/channels/:channel/messages/:message', (_req, p) => {
      const m = channelMessage(p);
      if ('status' in m) return m;
      this.deleteMessage(m);
      return noContent;
    });

    r('GET', '/guilds/:guild', (_req, p) => {
      const guild = this.guilds.get(p.guild ?? '');
      return guild ? json(200, restGuild(guild)) : DiscordErrors.unknownGuild();
    });
  }

  private storedCommand(cmd: Partial<APIApplicationCommand>, scope: string, existing: APIApplicationCommand[]): APIApplicationCommand {
    const type = cmd.type ?? ApplicationCommandType.ChatInput;
    const same = existing.find((c) => c.name === cmd.name && c.type === type);
    return {
      ...cmd,
      id: same?.id ?? snowflake(),
      application_id: this.applicationId,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      type,
      name: cmd.name ?? '',
      description: cmd.description ?? '',
      default_member_permissions: cmd.default_member_permissions ?? null,
      nsfw: cmd.nsfw ?? false,
      version: snowflake(),
      ...(scope === 'global'
        ? {
            integration_types: cmd.integration_types ?? [ApplicationIntegrationType.GuildInstall],
            contexts: cmd.contexts ?? null,
          }
        : {}),
    };
  }

  private usableChannel(id: string | undefined, use: 'read' | 'write'): APITextChannel | StandInResponse {
    const channel = this.channels.get(id ?? '');
    const state = this.channelStates.get(id ?? '');
    if (!channel || state === 'deleted') return DiscordErrors.unknownChannel();
    if (state === 'forbidden') return use === 'read' ? DiscordErrors.missingAccess() : DiscordErrors.missingPermissions();
    return channel;
  }

  /**
   * Stores a message and, like Discord, announces it as MESSAGE_CREATE/UPDATE to sessions that
   * identified with GUILD_MESSAGES (the bot sees its own messages); ephemeral ones stay private.
   */
  private storeMessage(message: APIMessage, event: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate): void {
    this.messages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (event === GatewayDispatchEvents.MessageCreate && channel) channel.last_message_id = message.id;
    if ((message.flags ?? 0) & MessageFlags.Ephemeral) return;
    this.gateway.dispatch(event, { ...message, guild_id: channel?.guild_id }, GatewayIntentBits.GuildMessages);
  }

  private deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    const guild_id = this.channels.get(message.channel_id)?.guild_id;
    this.gateway.dispatch(GatewayDispatchEvents.MessageDelete, { id: message.id, channel_id: message.channel_id, guild_id }, GatewayIntentBits.GuildMessages);
  }

  private attachments(files: RecordedFile[]): APIAttachment[] {
    return files.map((f) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/0/${id}/${encodeURIComponent(f.name)}`;
      return { id, filename: f.name, size: f.size, url, proxy_url: url, content_type: f.contentType };
    });
  }

  private editMessage(message: APIMessage, body: MessageBody, files: RecordedFile[]): APIMessage {
    const edited: APIMessage = {
      ...message,
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds } : {}),
      ...(body.components !== undefined ? { components: body.components } : {}),
      // On edits, `attachments` lists the existing attachments to keep; new files are added.
      attachments: [
        ...message.attachments.filter((a) => !body.attachments || body.attachments.some((k) => String(k.id) === a.id)),
        ...this.attachments(files),
      ],
      // Finishing a deferred reply clears the "thinking" (Loading) flag.
      flags: (message.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: new Date().toISOString(),
    };
    this.storeMessage(edited, GatewayDispatchEvents.MessageUpdate);
    return edited;
  }

  // ---- Interactions ----

  private interactionFor(p: Record<string, string>): InteractionState | undefined {
    return p.app === this.applicationId ? this.interactions.get(p.token ?? '') : undefined;
  }

  private createInteractionMessage(state: InteractionState, body: MessageBody, files: RecordedFile[], flags = 0): APIMessage {
    const { interaction } = state;
    const user = interaction.member?.user ?? interaction.user ?? this.tester;
    const message = makeMessage(interaction.channel?.id ?? '', this.bot, { ...body, flags: (body.flags ?? 0) | flags }, {
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      attachments: this.attachments(files),
      type: interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      interaction_metadata: {
        id: interaction.id,
        type: InteractionType.ApplicationCommand,
        user,
        authorizing_integration_owners: interaction.authorizing_integration_owners,
      },
    });
    this.storeMessage(message, GatewayDispatchEvents.MessageCreate);
    return message;
  }

  private onCallback(req: RecordedRequest, id: string, token: string): StandInResponse {
    const state = this.interactions.get(token);
    const deadline = this.options.interactionAckDeadlineMs ?? 3000;
    if (!state || state.interaction.id !== id || (deadline > 0 && Date.now() - state.sentAt > deadline)) {
      return DiscordErrors.unknownInteraction();
    }
    if (state.acked) return DiscordErrors.alreadyAcknowledged();
    const { type, data = {} } = (req.body ?? {}) as { type?: InteractionResponseType; data?: MessageBody & Record<string, unknown> };
    const kind = state.interaction.type;
    const allowed: Record<number, InteractionResponseType[]> = {
      [InteractionType.ApplicationCommand]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
      ],
      [InteractionType.MessageComponent]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ],
      [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
    };
    if (type === undefined || !allowed[kind]?.includes(type)) {
      return formError(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type for this interaction');
    }
    let message: APIMessage | undefined;
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      const error = validateMessage(data, req.files, true);
      if (error) return error;
      message = this.createInteractionMessage(state, data, req.files);
    } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
      message = this.createInteractionMessage(state, { flags: data.flags }, [], MessageFlags.Loading);
    } else if (type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate) {
      message = state.interaction.message ? this.messages.get(state.interaction.message.id) : undefined;
      if (message && type === InteractionResponseType.UpdateMessage) {
        const error = validateMessage(data, req.files, false);
        if (error) return error;
        message = this.editMessage(message, data, req.files);
      }
    } else if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      const choices = (data.choices ?? []) as unknown[];
      if (choices.length > 25) return formError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    state.acked = true;
    state.originalId = message?.id;
    // discord.js always sends `with_response`; only `true` gets a body (an interaction callback response).
    if (req.query.with_response !== 'true') return noContent;
    return json(200, {
      interaction: {
        id,
        type: kind,
        response_message_id: message?.id,
        response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  }

  private buildInteraction(spec: InteractionSpec): APIInteraction {
    const guild = spec.guildId ? this.guilds.get(spec.guildId) : this.guilds.values().next().value;
    if (!guild) throw new Error('stand-in: add a guild before sending interactions');
    const channel = this.channels.get(spec.channelId ?? guild.channels[0]?.id ?? '');
    if (!channel) throw new Error('stand-in: unknown channel for interaction');
    const user = spec.user ?? this.tester;
    const member = guild.members.find((m) => m.user.id === user.id) ?? { ...guild.members[0]!, user };
    const base = {
      id: snowflake(),
      application_id: this.applicationId,
      token: `standin-token-${snowflake()}`,
      version: 1 as const,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
      channel,
      channel_id: channel.id,
      member: { ...member, user, permissions: spec.permissions ?? DEFAULT_PERMISSIONS },
      app_permissions: spec.appPermissions ?? DEFAULT_PERMISSIONS,
      locale: spec.locale ?? Locale.EnglishUS,
      guild_locale: guild.preferred_locale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    let payload: Record<string, unknown>;
    if (spec.kind === 'command' || spec.kind === 'autocomplete') {
      const command = (this.commands.get(guild.id) ?? []).concat(this.commands.get('global') ?? []).find((c) => c.name === spec.name);
      const options = Array.isArray(spec.options)
        ? spec.options
        : Object.entries(spec.options ?? {}).map(([name, value]) => ({
            name,
            value,
            type: command?.options?.find((o) => o.name === name)?.type ?? inferOptionType(value),
            ...(spec.kind === 'autocomplete' && name === spec.focused ? { focused: true } : {}),
          }));
      payload = {
        ...base,
        type: spec.kind === 'command' ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete,
        data: {
          id: command?.id ?? snowflake(),
          name: spec.name,
          type: ApplicationCommandType.ChatInput,
          guild_id: command?.guild_id,
          options,
          ...(spec.attachments?.length ? { resolved: { attachments: Object.fromEntries(spec.attachments.map((a) => [a.id, a])) } } : {}),
        },
      };
    } else {
      // Component interactions carry the message the component is on; by default a fresh bot message with it.
      const message = (spec.messageId && this.messages.get(spec.messageId)) || this.componentMessage(channel.id, spec);
      payload = {
        ...base,
        type: InteractionType.MessageComponent,
        message,
        data:
          spec.kind === 'button'
            ? { custom_id: spec.customId, component_type: ComponentType.Button }
            : { custom_id: spec.customId, component_type: ComponentType.StringSelect, values: spec.values },
      };
    }
    return { ...payload, ...spec.overrides } as unknown as APIInteraction;
  }

  private componentMessage(channelId: string, spec: { kind: 'button' | 'select'; customId: string }): APIMessage {
    const custom_id = spec.customId;
    const component =
      spec.kind === 'button'
        ? { type: ComponentType.Button as const, style: ButtonStyle.Primary as const, custom_id, label: custom_id }
        : { type: ComponentType.StringSelect as const, custom_id, options: [{ label: 'a', value: 'a' }] };
    const message = makeMessage(channelId, this.bot, {
      content: 'component host',
      components: [{ type: ComponentType.ActionRow, components: [component] }],
    });
    this.messages.set(message.id, message);
    return message;
  }
}

function inferOptionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}
