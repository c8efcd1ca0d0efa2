/** Spaces calls at least `spacingMs` apart, in the order they asked; shared by everything that posts. */
export class Pacer {
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly spacingMs: number) {}

  wait(): Promise<void> {
    const turn = this.chain.then(async () => {
      const delay = this.next - Date.now();
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      this.next = Date.now() + this.spacingMs;
    });
    this.chain = turn;
    return turn;
  }
}

/** Discord's global limit is 50 requests a second: digests go out at most 40 a second. */
export const DIGEST_SPACING_MS = 25;
