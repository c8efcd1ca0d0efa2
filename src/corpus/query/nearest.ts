/** The k smallest offers by (distance, document order), without sorting everything. */
export class Nearest {
  private readonly picked: Array<{ i: number; d: number; order: number }> = [];
  constructor(private readonly k: number) {}

  offer(i: number, d: number, order: number): void {
    const p = this.picked;
    if (p.length === this.k) {
      const last = p[p.length - 1] as { d: number; order: number };
      if (d > last.d || (d === last.d && order > last.order)) return;
    }
    let at = p.length;
    while (at > 0) {
      const prev = p[at - 1] as { d: number; order: number };
      if (prev.d < d || (prev.d === d && prev.order < order)) break;
      at--;
    }
    p.splice(at, 0, { i, d, order });
    if (p.length > this.k) p.pop();
  }

  /** What was offered with the kept offers, nearest first. */
  items(): number[] {
    return this.picked.map((x) => x.i);
  }
}
