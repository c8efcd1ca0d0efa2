/** Spaces calls at least `spacingMs` apart, in the order they asked; shared by everything that posts. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class Pacer {
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly spacingMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  wait(): Promise<void> {
    const turn = this.chain.then(async () => {
      const delay = this.next - this.clock.now();
      if (delay > 0) await this.clock.sleep(delay);
      this.next = this.clock.now() + this.spacingMs;
    });
    this.chain = turn;
    return turn;
  }
}

/** Discord's global limit is 50 requests a second: digests go out at most 40 a second. */
export const DIGEST_SPACING_MS = 25;
