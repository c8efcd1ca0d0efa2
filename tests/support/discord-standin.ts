// A small local stand-in for Discord's REST API and gateway, for tests only.
//
// Point a real discord.js Client at it with `rest: { api: apiBase }`; the gateway address is learned
// from GET /gateway/bot. Every REST request is recorded (method, path, query, headers, parsed body,
// file names, answered status) so tests assert on exactly what Discord would have received, and
// faults (429, 5xx, Discord JSON errors, delays, deleted/forbidden channels) can be injected.
// Answers follow Discord's documented shapes and error codes, so discord.js behaves as in production.
//
// This file is the front tests use; what it stands in for lives beside it: the HTTP server, its recording and
// faults (standin-http.ts), the REST routes (standin-routes.ts), interactions and their callbacks
// (standin-interactions.ts), the guilds, channels and messages it keeps (standin-world.ts), Discord's answers and
// checks (standin-answers.ts, standin-validate.ts), payload builders (standin-payloads.ts) and the gateway
// (standin-gateway.ts).
import {
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIAttachment,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import type { StandInResponse } from './standin-answers.ts';
import { StandInGateway } from './standin-gateway.ts';
import { StandInHttp, type RecordedRequest, type RequestMatcher, type RouteHandler } from './standin-http.ts';
import { StandInInteractions, type InteractionSpec, type InteractionState, type SentInteraction } from './standin-interactions.ts';
import { makeUser, snowflake, type GuildSpec } from './standin-payloads.ts';
import { registerRoutes } from './standin-routes.ts';
import { StandInWorld } from './standin-world.ts';

export { snowflake, makeUser, type GuildSpec } from './standin-payloads.ts';
export { discordError, DiscordErrors, rateLimited, type StandInResponse } from './standin-answers.ts';
export type { RecordedFile, RecordedRequest, RequestMatcher, RouteHandler } from './standin-http.ts';
export type { InteractionSpec, SentInteraction } from './standin-interactions.ts';

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

export class DiscordStandIn {
  readonly requests: RecordedRequest[];
  readonly bot: APIUser;
  readonly tester: APIUser;
  readonly applicationId: string;
  readonly guilds: Map<string, GatewayGuildCreateDispatchData>;
  readonly channels: Map<string, APITextChannel>;
  readonly messages: Map<string, APIMessage>;
  readonly interactions: Map<string, InteractionState>;
  /** Registered commands: key `global` or a guild id. */
  readonly commands: Map<string, APIApplicationCommand[]>;
  readonly gateway: StandInGateway;

  private readonly http: StandInHttp;
  private readonly world: StandInWorld;
  private readonly interactionLog: StandInInteractions;

  constructor(options: StandInOptions = {}) {
    const bot = makeUser({ username: 'Lectern', bot: true, ...options.bot });
    const tester = makeUser({ username: 'tester', global_name: 'Tester', ...options.tester });
    this.gateway = new StandInGateway({
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: () => this.gatewayUrl,
      bot: () => this.bot,
      applicationId: () => this.applicationId,
      guilds: () => [...this.guilds.values()],
    });
    this.http = new StandInHttp(options.token);
    this.world = new StandInWorld(bot, tester, this.gateway);
    this.interactionLog = new StandInInteractions(this.world, options.interactionAckDeadlineMs ?? 3000);
    ({ bot: this.bot, tester: this.tester, applicationId: this.applicationId } = this.world);
    ({ guilds: this.guilds, channels: this.channels, messages: this.messages, commands: this.commands } = this.world);
    this.requests = this.http.requests;
    this.interactions = this.interactionLog.interactions;
    for (const spec of options.guilds ?? []) this.addGuild(spec);
    registerRoutes({ http: this.http, world: this.world, interactions: this.interactionLog, gatewayUrl: () => this.gatewayUrl, shards: options.shards ?? 1 });
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.http.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.http.port}/gateway`;
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
    await this.http.listen((req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    return { apiBase: this.apiBase, gatewayUrl: this.gatewayUrl };
  }

  /** Destroy discord.js clients first, or they will keep trying to reconnect to a closed port. */
  async stop(): Promise<void> {
    await this.gateway.close();
    await this.http.close();
  }

  // ---- World state ----

  /** Adds a guild (with the bot and the tester as members); connected sessions get GUILD_CREATE. */
  addGuild(spec: GuildSpec = {}): GatewayGuildCreateDispatchData {
    return this.world.addGuild(spec);
  }

  /** Makes a channel answer like a deleted one (10003) or one the bot may not use (50013/50001). */
  markChannel(channelId: string, state: 'deleted' | 'forbidden' | 'ok'): void {
    this.world.markChannel(channelId, state);
  }

  /** Empties a channel (its messages and the nonces they were sent with), between tests. */
  clearChannel(channelId: string): void {
    this.world.clearChannel(channelId);
  }

  /** Messages stored in a channel, oldest first. */
  messagesIn(channelId: string): APIMessage[] {
    return this.world.messagesIn(channelId);
  }

  // ---- Fault injection ----

  /** The next `times` requests matching `matcher` get `response` instead of the normal answer. */
  failNext(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.http.failNext(matcher, response, times);
  }

  /**
   * The next `times` requests matching `matcher` are carried out as usual (a message is created, an interaction
   * acknowledged), but answered with `response`: a 5xx from a proxy after the work was done, as a client sees it.
   */
  failAfterHandling(matcher: RequestMatcher, response: StandInResponse, times = 1): void {
    this.http.failAfterHandling(matcher, response, times);
  }

  /** Delays every answer to matching requests by `ms`. */
  delay(matcher: RequestMatcher, ms: number): void {
    this.http.delay(matcher, ms);
  }

  clearFaults(): void {
    this.http.clearFaults();
    this.world.clearChannelStates();
  }

  /** Adds or overrides a REST route, e.g. `route('GET', '/guilds/:guild/roles', ...)`; checked before built-ins. */
  route(method: string, pattern: string, handler: RouteHandler, auth = true): void {
    this.http.route(method, pattern, handler, auth);
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

  // ---- Interactions ----

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
    const interaction = this.interactionLog.add(spec);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, interaction, undefined, spec.session);
    const route = `/interactions/${interaction.id}/${interaction.token}/callback`;
    return {
      interaction,
      id: interaction.id,
      token: interaction.token,
      callback: (timeoutMs = 5000) => this.waitForRequest((r) => r.method === 'POST' && r.route === route, timeoutMs),
    };
  }

  /** Resolves with the first recorded request (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.http.waitForRequest(predicate, timeoutMs);
  }
}
