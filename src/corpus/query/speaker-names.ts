import MiniSearch from 'minisearch';
import type { CorpusSpeaker } from '../index/types.ts';
import { canonicalId } from '../speakers/registry.ts';

/** A speaker's names as lookups compare them (canonical forms, split into words). */
interface SpeakerNames {
  name: string;
  nameWords: string[];
  aliases: string[];
  aliasWords: string[][];
  /** Every word-boundary tail of every canonical name ("alexander stubb", "stubb"). */
  tails: string[];
}

/** Speakers by name: exactly (any alias), by the start of a name or of a word in one, and by near spelling. */
export class SpeakerNameIndex {
  private readonly aliasToId = new Map<string, string>();
  private namesCache: Map<string, SpeakerNames> | null = null;
  private fuzzyCache: MiniSearch<{ id: string; names: string }> | null = null;

  constructor(private readonly speakers: readonly CorpusSpeaker[]) {
    for (const s of speakers) {
      for (const name of [s.name, ...s.aliases]) {
        const key = canonicalId(name);
        if (!this.aliasToId.has(key)) this.aliasToId.set(key, s.id);
      }
    }
  }

  /** The speaker whose name or alias this canonical key is (the first in index order). */
  exact(key: string): string | undefined {
    return this.aliasToId.get(key);
  }

  /** Whether a word-boundary tail of one of the speaker's names starts with the canonical key ("stu" → Stubb). */
  tailStartsWith(id: string, key: string): boolean {
    return (this.names().get(id)?.tails ?? []).some((t) => t.startsWith(key));
  }

  /** How well a canonical prefix fits: the name's start 4, a word of it 3, an alias or its word 2, inside the name 1. */
  prefixScore(id: string, key: string): number {
    const n = this.names().get(id);
    if (!n) return 0;
    if (n.name.startsWith(key)) return 4;
    if (n.nameWords.some((w) => w.startsWith(key))) return 3;
    if (n.aliases.some((a, i) => a.startsWith(key) || (n.aliasWords[i] ?? []).some((w) => w.startsWith(key)))) return 2;
    if (n.name.includes(key)) return 1;
    return 0;
  }

  /** Speaker ids whose names are like the text (prefixes and near spellings), by MiniSearch's ranking. */
  fuzzy(text: string): string[] {
    if (!this.fuzzyCache) {
      this.fuzzyCache = new MiniSearch({ fields: ['names'], idField: 'id', searchOptions: { prefix: true, fuzzy: 0.3 } });
      this.fuzzyCache.addAll(this.speakers.map((s) => ({ id: s.id, names: [s.name, ...s.aliases].join(' | ') })));
    }
    return this.fuzzyCache.search(text).map((r) => String(r.id));
  }

  /** Builds the word lists now (called ahead of the first question). */
  prepare(): void {
    this.names();
  }

  private names(): Map<string, SpeakerNames> {
    if (this.namesCache) return this.namesCache;
    const out = new Map<string, SpeakerNames>();
    for (const s of this.speakers) {
      const name = canonicalId(s.name);
      const aliases = s.aliases.map(canonicalId);
      const tails = (n: string) => n.split(' ').map((_, i, ws) => ws.slice(i).join(' '));
      out.set(s.id, { name, nameWords: name.split(' '), aliases, aliasWords: aliases.map((a) => a.split(' ')), tails: [name, ...aliases].flatMap(tails) });
    }
    this.namesCache = out;
    return out;
  }
}
