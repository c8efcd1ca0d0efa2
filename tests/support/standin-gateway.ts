// The gateway half of the Discord stand-in: a JSON-only, uncompressed gateway on a `ws` server.
// It speaks just enough of https://discord.com/developers/docs/events/gateway for discord.js
// (@discordjs/ws WebSocketShard): HELLO, IDENTIFY -> READY (+ GUILD_CREATE), heartbeats,
// RESUME with replay of missed dispatches, INVALID_SESSION, RECONNECT and member chunks.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type APIUser,
  type ApplicationFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayRequestGuildMembersData,
  type GatewayResumeData,
} from 'discord-api-types/v10';

/** What the gateway needs to know about the world; the stand-in provides it. */
export interface GatewayWorld {
  token: string | undefined;
  heartbeatIntervalMs: number;
  url(): string;
  bot(): APIUser;
  applicationId(): string;
  guilds(): GatewayGuildCreateDispatchData[];
}

/** A dispatch as put on the wire. */
export interface DispatchFrame {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

/** One received frame, for assertions (e.g. the intents in IDENTIFY). */
export interface ReceivedFrame {
  op: number;
  d: unknown;
  at: number;
}

/** A Discord session: it outlives its socket so that it can be resumed. */
export interface GatewaySession {
  id: string;
  seq: number;
  resumable: boolean;
  socket: WebSocket | null;
  /** Recent dispatches, replayed after a RESUME (bounded, like Discord's own buffer). */
  log: DispatchFrame[];
  identify: GatewayIdentifyData;
}

const LOG_LIMIT = 1000;
// Discord docs: after these close codes the client must start a new session.
const NON_RESUMABLE_CLOSES = new Set<number>([
  GatewayCloseCodes.InvalidSeq,
  GatewayCloseCodes.SessionTimedOut,
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

/** Whether a server's events go to the shard `[id, count]` (every server, without sharding). */
export function onShard(guildId: string, shard: readonly [number, number] | undefined): boolean {
  if (!shard || shard[1] <= 1) return true;
  return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
}

export class StandInGateway {
  readonly sessions = new Map<string, GatewaySession>();
  readonly received: ReceivedFrame[] = [];
  /** Query strings of every connection attempt, e.g. `{ v: '10', encoding: 'json' }`. */
  readonly connectQueries: Record<string, string>[] = [];
  identifyCount = 0;
  resumeCount = 0;
  /** Set to false to stop acknowledging heartbeats (emulates a zombie connection). */
  ackHeartbeats = true;

  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly bySocket = new Map<WebSocket, GatewaySession | null>();
  private nextSessionId = 1;

  constructor(private readonly world: GatewayWorld) {}

  /** Open sockets right now. */
  get connections(): number {
    return [...this.wss.clients].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Hooked to the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname.replace(/\/$/, '') !== '/gateway') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
  }

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    this.connectQueries.push(Object.fromEntries(query));
    this.bySocket.set(ws, null);
    ws.on('close', (code) => this.onClose(ws, code));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => this.onMessage(ws, data, isBinary));
    // Only v10 JSON without transport compression is spoken here (zlib-sync must not be installed);
    // 4012 is fatal for discord.js, so a mismatch fails loudly instead of looping on reconnects.
    if (query.get('v') !== '10' || (query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'stand-in speaks v=10, encoding=json, no compress');
      return;
    }
    send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.world.heartbeatIntervalMs }, s: null, t: null });
  }

  private onClose(ws: WebSocket, code: number): void {
    const session = this.bySocket.get(ws);
    this.bySocket.delete(ws);
    if (!session) return;
    if (session.socket === ws) session.socket = null;
    // A client closing with 1000/1001 ends its session for good (Discord docs, "Disconnecting").
    if (code === 1000 || code === 1001) session.resumable = false;
  }

  private onMessage(ws: WebSocket, data: RawData, isBinary: boolean): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frame');
      frame = JSON.parse(rawToString(data)) as { op?: unknown; d?: unknown };
    } catch {
      ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: Number(frame.op), d: frame.d, at: Date.now() });
    const session = this.bySocket.get(ws) ?? null;
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.ackHeartbeats) send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(ws, session, frame.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(ws, frame.d as GatewayResumeData);
        return;
    }
    if (!session) {
      ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
      return;
    }
    switch (frame.op) {
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        return;
      case GatewayOpcodes.RequestGuildMembers:
        this.onRequestMembers(session, frame.d as GatewayRequestGuildMembersData);
        return;
      default:
        ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private onIdentify(ws: WebSocket, current: GatewaySession | null, d: GatewayIdentifyData): void {
    if (current) {
      ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (this.world.token !== undefined && d.token !== this.world.token) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    this.identifyCount++;
    const session: GatewaySession = {
      id: `standin-session-${this.nextSessionId++}`,
      seq: 0,
      resumable: true,
      socket: ws,
      log: [],
      identify: d,
    };
    this.sessions.set(session.id, session);
    this.bySocket.set(ws, session);
    // As Discord does: a shard gets the servers whose id, shifted right 22 bits, modulo the shard count, is its number.
    const guilds = this.world.guilds().filter((g) => onShard(g.id, d.shard));
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.world.bot(), verified: true, mfa_enabled: false },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      // discord.js appends `?v=10&encoding=json` itself, so no query string here.
      resume_gateway_url: this.world.url(),
      shard: d.shard ?? [0, 1],
      application: { id: this.world.applicationId(), flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.emit(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of guilds) this.emit(session, GatewayDispatchEvents.GuildCreate, guild);
  }

  private onResume(ws: WebSocket, d: GatewayResumeData): void {
    const session = this.sessions.get(d.session_id);
    const badToken = this.world.token !== undefined && d.token !== this.world.token;
    // Discord answers an unresumable RESUME with op 9 `d: false`; the client then identifies anew.
    if (!session || !session.resumable || badToken || d.seq > session.seq) {
      send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    this.resumeCount++;
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    this.bySocket.set(ws, session);
    for (const frame of session.log) if (frame.s > d.seq) send(ws, frame);
    this.emit(session, GatewayDispatchEvents.Resumed, {});
  }

  private onRequestMembers(session: GatewaySession, d: GatewayRequestGuildMembersData): void {
    const guild = this.world.guilds().find((g) => g.id === d.guild_id);
    if (!guild) return;
    const ids = 'user_ids' in d && d.user_ids ? [d.user_ids].flat() : undefined;
    const query = 'query' in d ? (d.query ?? '').toLowerCase() : '';
    const members = guild.members.filter((m) =>
      ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query),
    );
    const limit = ('limit' in d && d.limit) || members.length;
    this.emit(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members: members.slice(0, limit),
      chunk_index: 0,
      chunk_count: 1,
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }

  /** Queues a dispatch on a session and sends it if the session has an open socket. */
  private emit(session: GatewaySession, t: string, d: unknown): void {
    const frame: DispatchFrame = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.log.push(frame);
    if (session.log.length > LOG_LIMIT) session.log.shift();
    if (session.socket?.readyState === WebSocket.OPEN) send(session.socket, frame);
  }

  /**
   * Dispatches an event to every live session; disconnected ones get it on RESUME.
   * With `intent`, only sessions that identified with that intent bit get it.
   */
  dispatch(t: string, d: unknown, intent?: number, onlySession?: string): void {
    const guildId = (d as { guild_id?: string; id?: string } | null)?.guild_id ?? (t === GatewayDispatchEvents.GuildCreate ? (d as { id: string }).id : undefined);
    for (const session of this.sessions.values()) {
      if (!session.resumable || (intent !== undefined && (session.identify.intents & intent) === 0)) continue;
      if (onlySession !== undefined && session.id !== onlySession) continue;
      if (guildId !== undefined && !onShard(guildId, session.identify.shard)) continue;
      this.emit(session, t, d);
    }
  }

  /** Closes every open socket with `code`; sessions stay resumable unless Discord would end them. */
  closeSessions(code: number, reason = 'stand-in close', resumable = !NON_RESUMABLE_CLOSES.has(code)): void {
    for (const [ws, session] of this.bySocket) {
      if (session && !resumable) session.resumable = false;
      ws.close(code, reason);
    }
  }

  /** Drops every socket without a close frame (the client sees 1006, as on a network failure). */
  dropSessions(): void {
    for (const ws of this.bySocket.keys()) ws.terminate();
  }

  /** Sends op 9 INVALID_SESSION; with `resumable: false` the sessions also end server-side. */
  invalidateSession(resumable: boolean): void {
    for (const [ws, session] of this.bySocket) {
      if (session && !resumable) session.resumable = false;
      send(ws, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  /** Sends op 7 RECONNECT; discord.js closes and resumes. */
  requestReconnect(): void {
    for (const ws of this.bySocket.keys()) send(ws, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

function send(ws: WebSocket, frame: { op: number; d: unknown; s: number | null; t: string | null }): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
