import { describe, expect, it } from 'vitest';
import type { CorpusSpeaker } from '../../src/corpus/index/types.ts';
import type { Reason } from '../../src/corpus/query/found.ts';
import { refusal } from '../../src/commands/refusal.ts';

const berg: CorpusSpeaker = { id: 'john berg', name: 'John Berg', kind: 'person', aliases: ['Berg'], roles: ['mayor of Riverton'], documents: ['mill.txt'], quoteCount: 1 };
const long = 'x'.repeat(120);
const said = (reason: Reason) => {
  const reply = refusal({ reason });
  return [reply.kind, reply.intro, reply.suggestions ?? null];
};

describe('the words for a question the corpus could not answer', () => {
  it('call a mistake in the question "Check that option", with an example of what would do', () => {
    expect(said({ kind: 'no-speaker-given' })).toEqual(['invalid', 'Give a speaker’s name, for example `Stubb`.', null]);
    expect(said({ kind: 'no-date-given' })[1]).toMatch(/^Give a date, for example `Aug-29`, .*`1939-1944`\.$/);
    expect(said({ kind: 'unreadable-date', asked: long })[1]).toBe(`I could not read "${'x'.repeat(60)}" as a date. Try ${String(said({ kind: 'no-date-given' })[1]).slice('Give a date, for example '.length)}`);
    expect(said({ kind: 'bound-without-year', bound: 'to', asked: 'March' })).toEqual(['invalid', '`to` must be a date with a year, for example `2025-08-01` or `August 2025` (not "March").', null]);
    expect(said({ kind: 'from-after-to' })[1]).toBe('`from` is after `to`: swap them.');
  });

  it('call a valid question with no answer "Nothing found", with the likely alternatives', () => {
    // The reply adds its "Did you mean" to the intro (its own wording, not tested here).
    expect(said({ kind: 'unknown-speaker', asked: 'Brg', suggestions: ['John Berg'] })).toEqual(['not-found', expect.stringMatching(/^No quotes from "Brg"\./), ['John Berg']]);
    expect(said({ kind: 'unknown-document', asked: long, suggestions: [] })[1]).toBe(`No document matches "${'x'.repeat(80)}".`);
    expect(said({ kind: 'unknown-section', asked: 'port mill', suggestions: ['paper mill'] })).toEqual(['not-found', expect.stringMatching(/^No section matches "port mill"\./), ['paper mill']]);
    expect(said({ kind: 'speaker-in-roles', asked: 'mayor', speakers: [{ speaker: berg, role: 'mayor of Riverton', quotes: 1 }, { speaker: { ...berg, name: 'Ann Lee' }, role: 'mayor', quotes: 2 }] })[1]).toBe(
      'No quotes attributed to "mayor"; John Berg, mayor of Riverton, has 1 quote; Ann Lee, mayor, has 2 quotes.',
    );
  });

  it('say what a speaker has none of', () => {
    expect(said({ kind: 'no-quotes', speaker: berg })[1]).toBe('John Berg has no quotes.');
    expect(said({ kind: 'no-quotes', speaker: berg, quoteKind: 'block', contains: 'pay', document: 'harbour' })[1]).toBe('John Berg has no block quotes containing "pay" in "harbour".');
  });
});
