import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type CommandOutcome = 'answered' | 'refused' | 'failed' | 'cooldown';
export type DigestOutcome = 'posted' | 'failed' | 'recovered';

/** What an operator watches, in Prometheus's format (served on METRICS_PORT). Each bot process has its own. */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({ name: 'lectern_commands_total', help: 'Commands answered, by command and outcome', labelNames: ['command', 'outcome'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'lectern_answer_seconds',
    help: 'Time from an interaction to its answer',
    labelNames: ['command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly digests = new Counter({ name: 'lectern_digests_total', help: 'Digests posted, failed or recovered after a crash', labelNames: ['outcome'], registers: [this.registry] });
  private readonly reconnects = new Counter({ name: 'lectern_gateway_reconnects_total', help: 'Gateway connections lost and made again', registers: [this.registry] });
  private readonly storeErrors = new Counter({ name: 'lectern_store_errors_total', help: 'Failed reads and writes of the shared store', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'lectern_' });
    // Every series starts at 0, so a rate can be taken before the first event.
    for (const outcome of ['posted', 'failed', 'recovered'] as const) this.digests.inc({ outcome }, 0);
    this.reconnects.inc(0);
    this.storeErrors.inc(0);
  }

  command(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command, outcome });
    if (outcome !== 'cooldown') this.latency.observe({ command }, seconds);
  }

  digest(outcome: DigestOutcome): void {
    this.digests.inc({ outcome });
  }

  gatewayReconnect(): void {
    this.reconnects.inc();
  }

  storeError(): void {
    this.storeErrors.inc();
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
