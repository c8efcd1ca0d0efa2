// "on the night of Oct. 23": chrono merges its "night" with the date and keeps today's date for the whole. The part
// of the day adds nothing a day granularity can hold, so it is dropped before chrono merges, and the date stands alone.
import type { Refiner } from 'chrono-node';

const OF_AFTER = /^\s*of\b/i;

export const partOfDayRefiner: Refiner = {
  refine: (context, results) =>
    results.filter((r) => {
      if (!r.tags().has('parser/ENCasualTimeParser')) return true;
      return !(/\bof$/i.test(r.text) || OF_AFTER.test(context.text.slice(r.index + r.text.length)));
    }),
};
