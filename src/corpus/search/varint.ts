// Sorted lists of sentence numbers stored as gaps in LEB128 varints: most gaps fit in one or two bytes, so
// the cache holds the postings in about a fifth of what JSON numbers take, and decodes in one pass.

export class VarintWriter {
  private buf = new Uint8Array(1 << 16);
  private at = 0;

  write(value: number): void {
    if (this.at + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.at++] = v;
  }

  /** A sorted list: its length, then its first value and the gaps. */
  writeSorted(values: ArrayLike<number>): void {
    this.write(values.length);
    let prev = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      this.write(v - prev);
      prev = v;
    }
  }

  toBase64(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.at).toString('base64');
  }
}

export class VarintReader {
  private readonly buf: Uint8Array;
  private at = 0;

  constructor(base64: string) {
    this.buf = Buffer.from(base64, 'base64');
  }

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  read(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.at++] as number;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  }

  /** A list written by writeSorted, into `out` from `offset`; returns its length. */
  readSortedInto(out: Int32Array, offset: number): number {
    const n = this.read();
    let prev = 0;
    for (let i = 0; i < n; i++) {
      prev += this.read();
      out[offset + i] = prev;
    }
    return n;
  }
}
