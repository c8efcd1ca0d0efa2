// Answers in Discord's shapes for the Discord stand-in: its JSON errors (with their documented codes),
// 50035 form errors and 429s with the headers discord.js reads.

export interface StandInResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): StandInResponse => ({ status, body, headers });
export const noContent: StandInResponse = { status: 204 };

/** A Discord JSON error, e.g. `discordError(404, 10003, 'Unknown Channel')`. */
export function discordError(status: number, code: number, message: string): StandInResponse {
  return json(status, { code, message });
}

/** A 50035 Invalid Form Body error with Discord's nested `errors` object. */
export function formError(path: (string | number)[], code: string, message: string): StandInResponse {
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
