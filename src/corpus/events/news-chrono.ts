// chrono-node configured for news: its casual English parsers, plus ours for what news writes and chrono does not
// read, and refiners that drop what dates no event and give undirected dates their direction from the sentence.
import * as chrono from 'chrono-node';
import { holidayParser } from './parsers/holidays.ts';
import { modifiedMonthParser, monthRelativeYearParser, partOfMonthParser, seasonParser } from './parsers/month-phrases.ts';
import { secondDayParser } from './parsers/second-day.ts';
import { weekParser } from './parsers/weeks.ts';
import { yearParser } from './parsers/years.ts';
import { directionRefiner } from './refiners/direction.ts';
import { partOfDayRefiner } from './refiners/part-of-day.ts';
import { notEventsRefiner } from './refiners/not-events.ts';

function newsChrono(): chrono.Chrono {
  const c = chrono.casual.clone();
  // Ours first: where one of them reads the same words as one of chrono's ("last week"), ours is kept.
  c.parsers.unshift(weekParser);
  c.parsers.push(holidayParser, monthRelativeYearParser, modifiedMonthParser, partOfMonthParser, seasonParser, secondDayParser, yearParser);
  // Before chrono merges a date with a time of day.
  c.refiners.unshift(partOfDayRefiner);
  // After chrono's own refiners (overlaps removed, ranges merged): these see the final expressions.
  c.refiners.push(notEventsRefiner, directionRefiner);
  return c;
}

export const NEWS_CHRONO = newsChrono();
