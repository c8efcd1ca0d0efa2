/**
 * A list in the order a stable sort by `compare` would give, produced one item at a time from a heap: the
 * keyword rules read the first few of hundreds of candidate terms, and sorting them all was most of the work.
 * `compare` must be a consistent ordering (as a sort needs); items it finds equal keep their input order.
 */
export class LazyOrder<T> {
  private readonly heap: number[];
  private readonly taken: T[] = [];

  constructor(
    private readonly items: readonly T[],
    private readonly compare: (a: T, b: T) => number,
  ) {
    this.heap = items.map((_, i) => i);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The k-th item in sorted order, or undefined past the end. */
  at(k: number): T | undefined {
    while (this.taken.length <= k && this.heap.length > 0) this.taken.push(this.items[this.pop()] as T);
    return this.taken[k];
  }

  /** The first item in sorted order that passes `test`. */
  find(test: (item: T) => boolean): T | undefined {
    for (let k = 0; ; k++) {
      const item = this.at(k);
      if (item === undefined || test(item)) return item;
    }
  }

  private before(a: number, b: number): boolean {
    const c = this.compare(this.items[a] as T, this.items[b] as T);
    return c < 0 || (c === 0 && a < b);
  }

  private pop(): number {
    const top = this.heap[0] as number;
    const last = this.heap.pop() as number;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) return;
      const r = l + 1;
      const child = r < h.length && this.before(h[r] as number, h[l] as number) ? r : l;
      if (!this.before(h[child] as number, h[i] as number)) return;
      [h[i], h[child]] = [h[child] as number, h[i] as number];
      i = child;
    }
  }
}
