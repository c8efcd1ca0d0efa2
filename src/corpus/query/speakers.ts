import type { CorpusSpeaker } from '../index/types.ts';
import { parseMention } from '../speakers/mention.ts';
import { canonicalId } from '../speakers/registry.ts';
import { isClose } from './close-names.ts';
import { fail, type Found } from './found.ts';
import type { QuoteIndex } from './quote-index.ts';
import type { ReadingScopes, Scope } from './reading-scopes.ts';
import type { SpeakerNameIndex } from './speaker-names.ts';

/** How many speakers a miss names ("did you mean", or those with the word in a role). */
const SPEAKER_SUGGESTIONS = 3;

/** Quoted speakers: who is quoted in a scope, a speaker by what people call them, and names as they are typed. */
export class Speakers {
  constructor(
    private readonly byId: (id: string) => CorpusSpeaker | undefined,
    private readonly names: SpeakerNameIndex,
    private readonly quotes: QuoteIndex,
    private readonly scopes: ReadingScopes,
  ) {}

  /** Speakers quoted in the scope, in the index's order. */
  inScope(scope: Scope): CorpusSpeaker[] {
    return this.quotes.speakers(scope.document || scope.documents ? this.scopes.test(scope) : null);
  }

  /** A speaker by name, alias, surname, prefix or a near spelling. */
  find(text: string, scope: Scope): Found<CorpusSpeaker> {
    const key = canonicalId(text);
    if (!key) return fail({ kind: 'no-speaker-given' });
    // "Mayor Ann Lee", "the FSB": titles and articles are not part of the name.
    const bare = parseMention(text);
    for (const k of [key, bare ? canonicalId(bare.name) : '']) {
      const direct = k ? this.names.exact(k) : undefined;
      if (direct && this.quotes.quotedIn(direct, this.scopes.test(scope))) return { ok: true, value: this.byId(direct) as CorpusSpeaker };
    }
    // Partial or misspelt names are not guessed: the reason lists the likely speakers (close names only).
    const inScope = new Set(this.inScope(scope).map((s) => s.id));
    // "NATO" may name nobody quoted, yet be in the roles of some who are: say who, rather than guess a name.
    const inRole = (role: string) => ` ${canonicalId(role)} `.includes(` ${key} `);
    const byRole = [...inScope].map((id) => this.byId(id) as CorpusSpeaker).filter((s) => s.roles.some(inRole));
    if (byRole.length) {
      const test = this.scopes.test(scope);
      const speakers = byRole.slice(0, SPEAKER_SUGGESTIONS).map((s) => ({ speaker: s, role: s.roles.find(inRole) as string, quotes: this.quotes.count(s.id, test) }));
      return fail({ kind: 'speaker-in-roles', asked: text, speakers });
    }
    const ranked = this.rank(text, inScope).filter((s) => isClose(text, [s.name, ...s.aliases]));
    return fail({ kind: 'unknown-speaker', asked: text, suggestions: ranked.slice(0, SPEAKER_SUGGESTIONS).map((s) => s.name) });
  }

  /** Up to `limit` speakers for a typed prefix: prefix matches first, then aliases, then near spellings. */
  suggest(prefix: string, scope: Scope, limit: number): CorpusSpeaker[] {
    const inScope = this.inScope(scope);
    const key = canonicalId(prefix);
    if (!key) return [...inScope].sort((a, b) => b.quoteCount - a.quoteCount).slice(0, limit);
    const ranked = inScope
      .map((s) => ({ s, score: this.names.prefixScore(s.id, key) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || b.s.quoteCount - a.s.quoteCount);
    const out = ranked.map((x) => x.s);
    if (out.length < limit) {
      const ids = new Set(inScope.map((s) => s.id));
      for (const id of this.names.fuzzy(prefix)) {
        const s = this.byId(id);
        if (s && ids.has(s.id) && !out.includes(s)) out.push(s);
      }
    }
    return out.slice(0, limit);
  }

  /** Speakers in scope whose name has a word starting with the text, then those spelt like it. */
  private rank(text: string, inScope: Set<string>): CorpusSpeaker[] {
    const key = canonicalId(text);
    const prefixed = [...inScope].map((id) => this.byId(id) as CorpusSpeaker).filter((s) => this.names.tailStartsWith(s.id, key));
    const fuzzy = this.names
      .fuzzy(text)
      .map((id) => this.byId(id) as CorpusSpeaker)
      .filter((s) => inScope.has(s.id) && !prefixed.includes(s));
    return [...prefixed, ...fuzzy];
  }
}
