import type { Speaker, SpeakerKind } from '../types.ts';
import { initials, type Mention } from './mention.ts';
import { NAME_PARTICLES, SPECIFIC_DESCRIPTIONS, TELLING_HEADS } from './vocabulary.ts';
import { memoised } from '../text/memo.ts';

interface Cluster {
  name: string;
  kind: SpeakerKind;
  aliases: Set<string>;
  roles: Set<string>;
  acronyms: Set<string>;
  qualifiers: Set<string>;
  lastSeen: number;
  /** Has spoken (not only been named in passing): such clusters are preferred for "he" and "the company". */
  confirmed: boolean;
  /** Was named with "the" ("the Irish Times" in a citation), which publications keep in their name. */
  definite: boolean;
  /** Known only as a name written with "the" ("the United States"): a place as likely as a body. */
  guessedBody: boolean;
  /** The match keys (see key) of the name and every alias, kept up to date as they are added. */
  keys: Set<string>;
  /** The last sentence this speaker opened as its subject ("Prime Minister Luís Montenegro visited …"). */
  subjectAt: number;
}

const PUBLICATION_WORDS = /\b(times|post|journal|economist|guardian|telegraph|herald|tribune|gazette|review|magazine|news|observer|independent|atlantic|monitor)\b/i;
/** How far back (in sentences) "he", "it" or "the company" may reach for its speaker. */
const PRONOUN_WINDOW = 12;

export function surnameOf(name: string): string {
  const words = name.split(' ');
  // "van Klaveren" is a surname with its particle.
  if (words.length < 2 || NAME_PARTICLES.has(words[0] ?? '')) return name;
  const particle = words.findIndex((w, i) => i > 0 && NAME_PARTICLES.has(w));
  return particle > 0 ? words.slice(particle).join(' ') : (words[words.length - 1] ?? name);
}

/** A mention's name as its cluster knows it: the speaker's id, less a possessive ("Stubb's" is Stubb). */
const key = memoised((s: string) => canonicalId(s.replace(/['’]s$/, '')));
/** Every lookup compares against every cluster's names again: the same few strings, worked out once. */
const initialsOf = memoised(initials);
const surnameFor = memoised(surnameOf);

const stem = (s: string) => s.toLowerCase().slice(0, 4);

/** Words in a name, less one (`name.split(' ').length - 1`), without building them. */
function spaces(name: string): number {
  let n = 0;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) n++;
  return n;
}

/** A person the text introduced with this head noun ("Mayor Ann Ruiz", "Ruiz, the city's mayor"). */
function describedAs(c: Cluster, head: string): boolean {
  const h = stem(head);
  for (const text of [...c.roles, ...c.aliases]) for (const w of text.toLowerCase().split(/[\s,-]+/)) if (w.length > 2 && stem(w) === h) return true;
  return false;
}

/** "The club" is not a body whose name says it is another kind ("Deutsche Bank"). */
function namedOtherwise(c: Cluster, head: string): boolean {
  if (!SPECIFIC_DESCRIPTIONS.has(head)) return false;
  const last = c.name.toLowerCase().split(' ').pop() ?? '';
  return TELLING_HEADS.has(last) && stem(last) !== stem(head) && !describedAs(c, head);
}

/**
 * The speakers of one document. Mentions are resolved in reading order, so "he said", "the company" and
 * a bare surname find the nearest fitting speaker named before them.
 */
export class SpeakerRegistry {
  private clusters: Cluster[] = [];

  resolve(mention: Mention, position: number): Cluster | null {
    const found = this.find(mention, position);
    if (!found) {
      // "The Ukrainian army said …" with no army named before: the qualified description is the best name there is.
      // "The mayor said …" with no mayor named is a speaker of its own, "the mayor", never someone else nearby.
      // So is "the club said" with no club named: "the club".
      const namesItself = mention.reference === 'description';
      if (mention.reference !== 'name' && !namesItself) return null;
      const ownName = mention.reference === 'description' && (mention.kind === 'person' || !mention.qualifier);
      const cluster: Cluster = {
        name: ownName ? `the ${mention.name}` : mention.name,
        kind: mention.kind,
        aliases: new Set(),
        roles: new Set(),
        acronyms: new Set(),
        qualifiers: new Set(),
        lastSeen: position,
        confirmed: true,
        definite: false,
        guessedBody: !!mention.guessedBody,
        keys: new Set([key(mention.name)]),
        subjectAt: -Infinity,
      };
      this.clusters.push(cluster);
      this.absorb(cluster, mention, position);
      return cluster;
    }
    this.absorb(found, mention, position);
    return found;
  }

  /** A mention that speaks: its cluster is confirmed as a speaker. */
  resolveSpeaker(mention: Mention, position: number): Cluster | null {
    const cluster = this.resolve(mention, position);
    if (cluster && mention.reference === 'name') {
      if (!cluster.confirmed) cluster.kind = mention.kind;
      cluster.confirmed = true;
    }
    // "The nominee said" speaks for the person introduced as the nominee: that person has now spoken too.
    if (cluster && mention.reference === 'description') cluster.confirmed = true;
    return cluster;
  }

  /**
   * A person or organisation named in passing: a later "he" or "the ministry" may refer to it. The subject of a
   * sentence is what the next "he said" most likely means, even when someone else spoke before.
   */
  notice(mention: Mention, position: number, subject = false): void {
    if (mention.reference !== 'name') return;
    let cluster = this.find(mention, position);
    if (cluster) cluster.lastSeen = Math.max(cluster.lastSeen, position);
    else {
      cluster = this.resolve(mention, position);
      if (cluster) cluster.confirmed = false;
    }
    if (cluster && subject) cluster.subjectAt = position;
  }

  /**
   * A one-word name is a mention only of someone already known ("… that Trump — even as he says …"): alone, a capital
   * may only open the sentence.
   */
  noticeKnown(mention: Mention, position: number, subject = false): void {
    const cluster = mention.reference === 'name' ? this.find(mention, position) : null;
    if (!cluster) return;
    cluster.lastSeen = Math.max(cluster.lastSeen, position);
    if (subject) cluster.subjectAt = position;
  }

  private absorb(cluster: Cluster, m: Mention, position: number): void {
    cluster.lastSeen = Math.max(cluster.lastSeen, position);
    if (m.reference === 'pronoun') return;
    if (m.reference === 'name' && m.definite) cluster.definite = true;
    if (m.reference === 'name' && !m.guessedBody) cluster.guessedBody = false;
    // A name first seen in passing takes the kind its speech gives it ("Fire Point, the … firm, said").
    if (!cluster.confirmed && m.reference === 'name') cluster.kind = m.kind;
    // A fuller name replaces a surname-only one ("Rutte" then "Mark Rutte").
    if (m.reference === 'name' && m.kind === cluster.kind && m.name.endsWith(cluster.name) && spaces(m.name) > spaces(cluster.name)) {
      cluster.aliases.add(cluster.name);
      cluster.name = m.name;
      cluster.keys.add(key(m.name));
    }
    for (const alias of [m.surface, m.name]) {
      if (alias && alias !== cluster.name) {
        cluster.aliases.add(alias);
        cluster.keys.add(key(alias));
      }
    }
    if (m.role) cluster.roles.add(m.role);
    if (m.acronym) cluster.acronyms.add(m.acronym);
    if (m.qualifier) cluster.qualifiers.add(m.qualifier);
  }

  /** Clusters seen within the pronoun window: the subject of this sentence or the last, then speakers, then the most recent. */
  private recent(position: number): Cluster[] {
    const fresh = (c: Cluster) => Number(position - c.subjectAt <= 1);
    return this.clusters
      .filter((c) => position - c.lastSeen <= PRONOUN_WINDOW)
      .sort((a, b) => fresh(b) - fresh(a) || Number(b.confirmed) - Number(a.confirmed) || b.lastSeen - a.lastSeen);
  }

  private find(m: Mention, position: number): Cluster | null {
    if (m.reference === 'pronoun') {
      const recent = this.recent(position);
      const wanted: SpeakerKind[] = m.name === 'they' ? ['group', 'organisation'] : [m.kind];
      return recent.find((c) => wanted.includes(c.kind)) ?? null;
    }
    if (m.reference === 'description') {
      const recent = this.recent(position);
      // "The group" is first the body introduced as a group ("environmental group Zero"), then any body.
      const introducedAs = m.kind !== 'person' && m.head && !m.qualifier ? recent.find((c) => c.kind === m.kind && describedAs(c, m.head ?? '')) : undefined;
      if (introducedAs) return introducedAs;
      return (
        recent.find((c) => {
          if (c.kind !== m.kind) return false;
          // "The company" is not a place or body only named in passing with "the" ("the United States").
          if (c.guessedBody && !c.confirmed) return false;
          // Nor is "the club" a body whose name says it is something else ("Deutsche Bank").
          if (m.kind !== 'person' && m.head && namedOtherwise(c, m.head)) return false;
          // "The commissioner" is the person introduced as a commissioner, not whoever was named last.
          if (m.kind === 'person' && m.head && !describedAs(c, m.head)) return false;
          if (!m.qualifier) return true;
          const words = [c.name, ...c.aliases, ...c.qualifiers, ...c.roles].join(' ').split(/[\s']+/);
          return words.some((w) => w.length > 3 && stem(w) === stem(m.qualifier ?? ''));
        }) ?? null
      );
    }
    const k = key(m.name);
    const exact = this.clusters.find((c) => c.keys.has(k));
    if (exact) return exact;
    const acronym = m.acronym ?? (/^[\p{Lu}]{2,}$/u.test(m.name) ? m.name : null);
    if (acronym) {
      const byAcronym = this.clusters.find((c) => c.acronyms.has(acronym) || initialsOf(c.name) === acronym);
      if (byAcronym) return byAcronym;
    }
    // A person is never found by initials; the mention's initials are the same for every cluster.
    const mentionInitials = m.kind !== 'person' ? initialsOf(m.name) : '';
    const byInitials = mentionInitials.length > 1 ? this.clusters.find((c) => c.acronyms.has(mentionInitials)) : undefined;
    if (byInitials) return byInitials;
    if (m.kind === 'person') {
      const surname = surnameFor(m.name);
      const single = m.name.split(' ').length === 1 || m.name === surname;
      const matches = this.clusters.filter((c) => {
        if (c.kind !== 'person') return false;
        if (single) return surnameFor(c.name) === surname;
        // "Mark Rutte" meets "Rutte": the cluster knew only the surname.
        return c.name === surname;
      });
      if (matches.length === 1) return matches[0] ?? null;
      // "Hillary" after "Hillary Clinton": a first name alone is the one person of that first name, if only one.
      if (single && matches.length === 0) {
        const byFirst = this.clusters.filter((c) => c.kind === 'person' && c.name.includes(' ') && c.name.split(' ')[0] === m.name);
        if (byFirst.length === 1) return byFirst[0] ?? null;
      }
    }
    return null;
  }

  /** The document's speakers, with publications named as the text names them ("The New York Times"). */
  speakers(fullText: () => string): Array<Speaker & { cluster: Cluster }> {
    return this.clusters.map((c) => {
      let name = c.name;
      if (c.kind === 'organisation' && PUBLICATION_WORDS.test(name) && !/^the\s/i.test(name)) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (c.definite || new RegExp(`\\bthe ${escaped}\\b`, 'i').test(fullText())) name = `The ${name}`;
      }
      const aliases = new Set([...c.aliases, ...c.acronyms]);
      if (name !== c.name) aliases.add(c.name);
      if (c.kind === 'person' && name.includes(' ')) aliases.add(surnameOf(name));
      aliases.delete(name);
      return { id: canonicalKey(name), name, kind: c.kind, aliases: [...aliases], roles: [...c.roles], cluster: c };
    });
  }

  clusterName(c: Cluster): string {
    return c.name;
  }
}

export type SpeakerCluster = Cluster;

/** canonicalId, remembered: every document works out the ids of the same names again. */
const canonicalKey = memoised((name: string) => canonicalId(name));

/** The one way names are compared: accents, case, a leading "the" and punctuation do not tell them apart ("the U.S. Army" → "u s army"). */
export function canonicalId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}
