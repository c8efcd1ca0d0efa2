// Annotated text for the attribution tests, written inline: `[[S:Ortiz]] [[C:said]] [[T:the plan would fail]].`
// S, C and T mark a source, cue and content; a digit after the letter names the attribution (S2, C2, T2 …).
import type { GoldAttribution } from '../../../src/corpus/attribution/gold-labels.ts';

export interface Annotated {
  raw: string;
  attributions: GoldAttribution[];
}

const MARK = /\[\[([SCT])(\d?):(.*?)\]\]/g;
const ROLE = { S: 'source', C: 'cue', T: 'content' } as const;

export function annotated(markup: string): Annotated {
  const byId = new Map<string, GoldAttribution>();
  let raw = '';
  let from = 0;
  for (const m of markup.matchAll(MARK)) {
    raw += markup.slice(from, m.index);
    const start = raw.length;
    raw += m[3] ?? '';
    const id = m[2] || '1';
    const a = byId.get(id) ?? { speech: true };
    const role = ROLE[(m[1] ?? 'S') as keyof typeof ROLE];
    a[role] = { spans: [...(a[role]?.spans ?? []), [start, raw.length]] };
    byId.set(id, a);
    from = (m.index ?? 0) + m[0].length;
  }
  raw += markup.slice(from);
  return { raw, attributions: [...byId.values()] };
}

/** A small annotated newswire set, in PolNeAR's layout when written out: date line, title, paragraphs. */
export const TRAINING_ARTICLES: string[] = [
  `September 1, 2016
Council approves the harbour plan.

[[S:Maria Lopez]] [[C:said]] [[T:the harbour would reopen in May]].

"[[T:We will not wait any longer]]," [[S:Tom Becker]] [[C:said]] on Monday.

The vote was close. [[S:The mayor]] [[C:told]] reporters [[T:that the council had no choice]].`,
  `September 2, 2016
Ferry strike ends after talks.

[[S:Anna Kowalska]] [[C:said]] [[T:the strike would end on Friday]].

"[[T:The crews are tired]]," [[S:Peter Olsen]] [[C:said]]. The ferries run again today.

[[C:According to]] [[S:the union]], [[T:the deal raises wages by four percent]].`,
  `September 3, 2016
Bridge repairs run late.

[[S:Ravi Shah]] [[C:said]] [[T:the repairs would cost more than planned]].

"[[T:Nobody told us about the delay]]," [[S:Ellen Marsh]] [[C:said]] on Tuesday.

Traffic was heavy. [[S:Officials]] [[C:said]] [[T:the bridge would stay closed for a week]].`,
  `September 4, 2016
School opens new library.

[[S:Jonas Berg]] [[C:said]] [[T:the library would open to everyone in the town]].

"[[T:Children need a quiet place to read]]," [[S:Clara Diaz]] [[C:said]].

The building has three floors and a garden.`,
];
