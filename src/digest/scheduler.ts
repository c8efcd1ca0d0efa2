import type { Logger } from '../logging/logger.ts';
import type { GuildSettings } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { DigestClaims } from './claims.ts';
import { digestBlockers, dueNow, nextDigestTime } from './next-run.ts';
import type { RunOutcome } from './runner.ts';

/** The scheduler wakes at least this often, to pick up changed settings and claims left by crashed processes. */
const MAX_SLEEP_MS = 60_000;

export interface SchedulerDeps {
  /** The servers the bot is in. */
  guilds: () => Iterable<string>;
  settings: SettingsStore;
  claims: DigestClaims;
  run: (guildId: string, settings: GuildSettings, day: string) => Promise<RunOutcome>;
  now: () => Date;
  logger: Logger;
}

/**
 * One timer for every server: it sleeps until the next digest is due (or a minute at most), then posts every
 * digest that is due and not yet claimed, one after another (the poster paces them under Discord's global limit).
 */
export class DigestScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Posts what is due now; returns what happened per server. Safe to call at any time (runs are claimed). */
  async tick(): Promise<Map<string, RunOutcome>> {
    const outcomes = new Map<string, RunOutcome>();
    for (const guildId of this.deps.guilds()) {
      let settings: GuildSettings;
      try {
        settings = await this.deps.settings.get(guildId);
      } catch (error) {
        this.deps.logger.error({ err: error, guild: guildId }, 'digest skipped: settings unreadable');
        continue;
      }
      const due = dueNow(settings, this.deps.now());
      if (!due) continue;
      const row = await this.deps.claims.get(guildId, due.day);
      if (row && row.status !== 'claimed') continue;
      const outcome = await this.deps.run(guildId, settings, due.day);
      outcomes.set(guildId, outcome);
      if (outcome.status === 'failed') this.deps.logger.warn({ guild: guildId, day: due.day, error: outcome.error }, 'digest failed');
      else if (outcome.status !== 'already') this.deps.logger.info({ guild: guildId, day: due.day, status: outcome.status }, 'digest');
    }
    return outcomes;
  }

  /** The next moment any server's digest is due. */
  async nextDue(): Promise<Date | null> {
    let next: Date | null = null;
    const now = this.deps.now();
    for (const guildId of this.deps.guilds()) {
      const settings = await this.deps.settings.get(guildId).catch(() => null);
      if (!settings || digestBlockers(settings).length) continue;
      const at = nextDigestTime(settings.digest, now);
      if (at && (!next || at < next)) next = at;
    }
    return next;
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        () => undefined,
        (error: unknown) => this.deps.logger.error({ err: error }, 'digest run failed'),
      );
      await this.running;
      if (this.stopped) return;
      const next = await this.nextDue().catch(() => null);
      const ms = next ? Math.min(Math.max(next.getTime() - this.deps.now().getTime(), 0), MAX_SLEEP_MS) : MAX_SLEEP_MS;
      this.timer = setTimeout(() => void loop(), ms);
    };
    void loop();
  }

  /** Stops the timer and waits for a run in progress, so a shutdown never cuts a digest in half. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
