import { describe, expect, it } from 'vitest';
import { mentionOfSource } from '../../../src/corpus/attribution/source-mention.ts';

const m = (s: string) => {
  const x = mentionOfSource(s);
  return x ? { name: x.name, kind: x.kind, role: x.role, reference: x.reference } : null;
};

describe('the speaker a tagged source names', () => {
  it('drops a party-and-state note and keeps the title as the role', () => {
    expect(m('Rep. Gwen Moore (D-Wis.)')).toMatchObject({ name: 'Gwen Moore', kind: 'person', reference: 'name' });
  });

  it('keeps an appositive as the role: "Name, role"', () => {
    expect(m('Kenneth Baer, a former administration official')).toMatchObject({ name: 'Kenneth Baer', role: 'former administration official' });
  });

  it('keeps the name, not the family or the body it is "of"', () => {
    expect(m('Tom Jones of the Smith family')).toMatchObject({ name: 'Tom Jones', kind: 'person', reference: 'name' });
  });

  it('reads lower-case words before a role and a name as a description of the person named', () => {
    expect(m('longtime Democratic pollster Pat Caddell')).toMatchObject({ name: 'Pat Caddell', kind: 'person', role: 'Democratic pollster', reference: 'name' });
  });

  it('reads a possessive source as its owner', () => {
    expect(m("Trump's")).toMatchObject({ name: 'Trump' });
  });

  it('makes a description with a proper word its own speaker', () => {
    expect(m('a Homeland Security Department official')).toMatchObject({ name: 'Homeland Security Department official', kind: 'person' });
    expect(m("Clinton's campaign")).toMatchObject({ name: 'Clinton campaign', kind: 'organisation' });
  });

  it('names no one with a day, a month or a figure', () => {
    expect(m('tweets early Friday')).toBeNull();
    expect(m('32% of Republican')).toBeNull();
  });

  it('names no one with a common noun that only the sentence capitalises', () => {
    expect(m('Officials')).toBeNull();
    expect(m('Critics')).toBeNull();
  });

  it('leaves pronouns to be resolved', () => {
    expect(m('she')).toMatchObject({ reference: 'pronoun' });
  });
});
