import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs; the bot token is never written, even inside an error's message. */
export function createLogger(level: string, token?: string, destination?: NodeJS.WritableStream): Logger {
  const scrub = (text: string) => (token ? text.split(token).join('[token]') : text);
  // JSON.stringify alone turns an Error into {}: serialise errors (type, message, stack, cause) before scrubbing.
  const serialiseError = (value: unknown) => (value instanceof Error ? pino.stdSerializers.err(value) : value);
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      formatters: { log: (obj) => JSON.parse(scrub(JSON.stringify(obj, (_key, value: unknown) => serialiseError(value)))) as Record<string, unknown> },
      // pino's serializers run after the formatter: `err` is already serialised (and scrubbed) by then.
      serializers: { err: serialiseError },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    ...(destination ? [destination as pino.DestinationStream] : []),
  );
}
