import { describe, expect, it } from 'vitest';
import { Pacer, type Clock } from '../../src/digest/pacer.ts';

/** A clock that moves only when someone sleeps: the spacing is exact and the test cannot be slow or flaky. */
function virtualClock(): Clock & { time: number } {
  const clock = {
    time: 1_000,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
}

describe('pacing posts', () => {
  it('spaces every call at least the given interval apart, in the order they came', async () => {
    const clock = virtualClock();
    const pacer = new Pacer(25, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 40 }, () => pacer.wait().then(() => times.push(clock.now()))));
    expect(times).toHaveLength(40);
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual(new Array(39).fill(25));
  });

  it('does not wait when calls are already far enough apart', async () => {
    const clock = virtualClock();
    const pacer = new Pacer(25, clock);
    await pacer.wait();
    clock.time += 100;
    const before = clock.now();
    await pacer.wait();
    expect(clock.now()).toBe(before);
  });
});
