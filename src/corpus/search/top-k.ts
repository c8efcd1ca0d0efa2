/**
 * The k best (highest score; on equal scores the lower key, i.e. earlier in the corpus) of a stream of
 * offers, kept sorted. A search offers every matching sentence but shows 25: most offers are rejected by
 * one comparison with the current worst, so nothing the size of the matches is ever sorted.
 */
export class TopK {
  private readonly keys: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  offer(key: number, score: number): void {
    const n = this.keys.length;
    if (this.k <= 0) return;
    if (n === this.k && !better(score, key, this.scores[n - 1] as number, this.keys[n - 1] as number)) return;
    let at = n;
    while (at > 0 && better(score, key, this.scores[at - 1] as number, this.keys[at - 1] as number)) at--;
    this.keys.splice(at, 0, key);
    this.scores.splice(at, 0, score);
    if (this.keys.length > this.k) {
      this.keys.pop();
      this.scores.pop();
    }
  }

  /** The kept offers, best first. */
  items(): Array<{ key: number; score: number }> {
    return this.keys.map((key, i) => ({ key, score: this.scores[i] as number }));
  }
}

function better(score: number, key: number, thanScore: number, thanKey: number): boolean {
  return score > thanScore || (score === thanScore && key < thanKey);
}
