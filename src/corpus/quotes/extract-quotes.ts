import { lineAt } from '../load/paragraphs.ts';
import { parseMention, type Mention } from '../speakers/mention.ts';
import { SpeakerRegistry, type SpeakerCluster } from '../speakers/registry.ts';
import { DESCRIPTION_ORG_NOUNS, JOINED_PARTICLE, LEADING_FUNCTION_WORDS, NAME_PARTICLE, ROLE_WORDS } from '../speakers/vocabulary.ts';
import type { Span } from '../text/sentences.ts';
import type { LoadedDocument, Quote, QuoteKind, Speaker } from '../types.ts';
import { introRole, speakerIntro } from './block-starts.ts';
import type { QuotedBlock } from './blocks.ts';
import { findDirectQuotes, type DirectCandidate } from './direct.ts';
import { findIndirectQuotes } from './indirect.ts';
import { speechVerbs } from './speech-verbs.ts';
import { findSubject } from '../speakers/subject.ts';
import { doubleQuoteSpans, wordCount } from './spans.ts';
import { allMatches } from '../text/matches.ts';
import { isTitleCase } from '../text/title-case.ts';
import type { TaggedDocument } from '../tag/tag-document.ts';
import { attributionModel } from '../attribution/model.ts';
import { learnedQuotes, mayReportSpeech, type LearnedQuote } from '../attribution/learned-attributions.ts';
import { mentionOfSource } from '../attribution/source-mention.ts';

interface Found {
  cluster: SpeakerCluster;
  text: string;
  kind: QuoteKind;
  line: number;
  offset: number;
  paragraph: number;
  role: string | null;
  /** A direct quote given to the person its sentence names, no speech verb beside it. */
  byContext?: boolean;
}

/** A paragraph that is mostly someone else's direct quote is that person's words, not the block source's. */
const DIRECT_SHARE_LIMIT = 0.5;

const NAME_RUN = new RegExp(String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:${NAME_PARTICLE}|of)\s+)*${JOINED_PARTICLE}?\p{Lu}[\p{L}\p{M}'’.-]*)*`, 'gu');

const APPOSITIVE = /^,\s*((?:the|a|an)\s[^,;.]{2,80}),/;

export interface QuoteAnalysis {
  quotes: Quote[];
  speakers: Speaker[];
}

/** Which stages find quotes: the rules (quotation marks, speech-verb patterns, excerpts), the learned tagger, or both. */
export interface QuoteStages {
  rules: boolean;
  learned: boolean;
}
export const ALL_STAGES: QuoteStages = { rules: true, learned: true };

/**
 * Quotes of every kind in one document, with speakers resolved in reading order. The rules go first: where they
 * read a quotation and its speaker the tagger adds nothing; elsewhere the tagger's attributions of speech are kept.
 */
export function extractQuotes(doc: LoadedDocument, sentenceSpans: Span[][], blocks: QuotedBlock[], tagged: TaggedDocument, stages: QuoteStages = ALL_STAGES): QuoteAnalysis {
  const model = stages.learned ? attributionModel() : null;
  const registry = new SpeakerRegistry();
  const blockOf = new Map<number, QuotedBlock>();
  for (const b of blocks) for (const i of b.paragraphs) blockOf.set(i, b);
  const blockSource = new Map<QuotedBlock, SpeakerCluster | null>();
  const found: Found[] = [];
  let position = 0;
  let openQuoteSpeaker: SpeakerCluster | null = null;

  const resolve = (m: Mention): SpeakerCluster | null => registry.resolveSpeaker(m, position);

  for (const [pi, p] of doc.paragraphs.entries()) {
    if (p.kind !== 'text' && p.kind !== 'blockquote') continue;
    const spans = sentenceSpans[pi] ?? [];
    const block = blockOf.get(pi);
    if (block && !blockSource.has(block)) {
      let source = block.source;
      const intro = block.intro !== null ? doc.paragraphs[block.intro] : undefined;
      if (source && intro && source.kind === 'person' && !source.role) source = { ...source, role: introRole(intro.text, source) };
      blockSource.set(block, source ? resolve(source) : null);
    }

    const direct: DirectCandidate[] = stages.rules ? findDirectQuotes(p.text, spans, openQuoteSpeaker !== null) : [];
    // "He continued:" just before this paragraph, resolved only when a quotation here needs it.
    const previous = doc.paragraphs[pi - 1];
    let introMention: Mention | null | undefined;
    const introSpeaker = (): SpeakerCluster | null => {
      if (introMention === undefined) introMention = previous?.kind === 'text' && previous.text.trimEnd().endsWith(':') ? speakerIntro(previous.text) : null;
      return introMention ? resolve(introMention) : null;
    };
    const masked = maskQuotes(p.text);
    const indirect = spans.map((s) => (stages.rules ? findIndirectQuotes(p.text.slice(s.start, s.end), masked.slice(s.start, s.end)) : []));
    const ruled = [...direct.filter((d) => d.attribution).map((d) => d.text), ...indirect.flat().map((q) => q.text)];
    // The tagger is the dearest stage: it reads a paragraph only when one of its sentences may report speech that
    // the rules did not read.
    const unread = (si: number, s: Span) =>
      !!indirect[si]?.every((q) => q.joined) && !direct.some((d) => d.attribution && d.span.open >= s.start && d.span.open < s.end) && !!model && mayReportSpeech(model, p.text.slice(s.start, s.end));
    const learned: LearnedQuote[] = (model && spans.some((s, si) => unread(si, s)) ? learnedQuotes(model, tagged.paragraph(pi)) : []).filter(
      (q) => q.speech && q.source && !ruled.some((t) => overlaps(t, q.text) || overlaps(q.text, t)),
    );
    let lastDirect: SpeakerCluster | null = null;
    for (const [si, s] of spans.entries()) {
      position++;
      const maskedSentence = masked.slice(s.start, s.end);
      // Names in passing let a later "he said" or "the company says" find them (a title's capitals name no one).
      for (const run of isTitleCase(maskedSentence) ? [] : allMatches(NAME_RUN, maskedSentence)) {
        const kind = kindBefore(maskedSentence, run.index ?? 0);
        // One capitalised word is a name only after its kind ("environmental group Zero"), or of someone known.
        if (!run[0].includes(' ') && (kind === '' || kind === 'the ')) {
          const known = kind === '' ? parseMention(run[0]) : null;
          if (known?.kind === 'person') registry.noticeKnown(known, position, SUBJECT_LEAD.test(maskedSentence.slice(0, run.index ?? 0)));
          continue;
        }
        // "Northwind Energy, the Danish turbine maker, …": the appositive tells a company from a person.
        const end = (run.index ?? 0) + run[0].length;
        const appositive = maskedSentence[end] === ',' ? (APPOSITIVE.exec(maskedSentence.slice(end))?.[1] ?? null) : null;
        const m = parseMention(`${kind}${run[0]}`, appositive);
        const subject = SUBJECT_LEAD.test(maskedSentence.slice(0, (run.index ?? 0) - kind.length));
        if (m && m.reference === 'name' && (m.kind === 'organisation' || m.name.includes(' '))) registry.notice(m, position, subject);
        // "Mr. Trump has attacked …": a title and a surname name someone already known, as a surname alone does.
        else if (m && m.reference === 'name' && m.kind === 'person') registry.noticeKnown(m, position, subject);
      }
      for (const q of learned) {
        if (q.cueSentence !== si || !q.source) continue;
        const source = mentionOfSource(q.source);
        const mention = source?.reference === 'pronoun' ? (describedSpeakerBefore(maskedSentence, q.cueOffset - s.start) ?? source) : source;
        const cluster = mention ? resolve(mention) : null;
        if (!cluster || !mention) continue;
        found.push({ cluster, text: q.text, kind: q.direct ? 'direct' : 'indirect', line: lineAt(p, q.offset), offset: q.offset, paragraph: pi, role: mention.role });
      }
      for (const d of direct.filter((q) => q.span.open >= s.start && q.span.open < s.end)) {
        let cluster: SpeakerCluster | null = null;
        let role: string | null = null;
        // `Caddell continued:` then a paragraph in quotation marks: a quotation that opens its paragraph and names no
        // one of its own is the words of the source the line before named (one inside an excerpt's prose is someone
        // the excerpt quotes).
        const unnamed = (!d.attribution || d.attribution.type === 'context') && d.span.open === 0;
        const introduced = unnamed ? ((block ? blockSource.get(block) : null) ?? introSpeaker()) : null;
        if (introduced) cluster = introduced;
        else if (d.attribution?.type === 'continues') cluster = lastDirect ?? openQuoteSpeaker;
        else if (d.attribution) {
          cluster = resolve(d.attribution.mention);
          role = d.attribution.mention.role;
        }
        if (!cluster) continue;
        lastDirect = cluster;
        found.push({ cluster, text: d.text, kind: 'direct', line: lineAt(p, d.span.open + 1), offset: d.span.open, paragraph: pi, role, ...(d.attribution?.type === 'context' ? { byContext: true } : {}) });
      }
      for (const q of indirect[si] ?? []) {
        const cluster = resolve(q.mention);
        if (!cluster) continue;
        found.push({ cluster, text: q.text, kind: 'indirect', line: lineAt(p, s.start + q.offset), offset: s.start + q.offset, paragraph: pi, role: q.mention.role });
      }
    }
    const last = direct[direct.length - 1];
    openQuoteSpeaker = last && !last.span.closed ? (lastDirect ?? null) : null;

    const source = block ? blockSource.get(block) : null;
    if (source && block) {
      const directWords = direct.reduce((n, d) => n + wordCount(d.text), 0);
      if (directWords / Math.max(1, wordCount(p.text)) <= DIRECT_SHARE_LIMIT) {
        found.push({ cluster: source, text: p.text, kind: 'block', line: p.line, offset: -1, paragraph: pi, role: null });
      }
    }
  }

  // The whole text is only needed to check how a publication is named: joined once, when first asked for.
  let fullText: string | null = null;
  const speakers = registry.speakers(() => (fullText ??= doc.paragraphs.map((p) => p.text).join('\n')));
  const idOf = new Map(speakers.map((s) => [s.cluster, s.id]));
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  // `Nair said the decision was "a turning point"`: the quoted words inside a reported clause are one quote with it.
  // A reported "clause" that is only the quotation, marks and all, is the direct quote read twice.
  const sameReading = (direct: (typeof found)[number], indirect: (typeof found)[number]) =>
    indirect.cluster === direct.cluster && indirect.paragraph === direct.paragraph && indirect.text.includes(direct.text);
  // `The Post reports that Ruiz's team left early to "keep the details quiet."`: a quotation that only its sentence's
  // names attribute, inside a clause reported by someone, is part of what that someone reported.
  const reportedBy = (direct: (typeof found)[number], indirect: (typeof found)[number]) =>
    (indirect.cluster === direct.cluster || direct.byContext === true) && indirect.paragraph === direct.paragraph && indirect.text.includes(direct.text);
  const insideReported = (f: (typeof found)[number]) =>
    (f.kind === 'direct' && found.some((g) => g.kind === 'indirect' && reportedBy(f, g) && wordCount(g.text) > wordCount(f.text) + 1)) ||
    (f.kind === 'indirect' && found.some((g) => g.kind === 'direct' && sameReading(g, f) && wordCount(f.text) <= wordCount(g.text) + 1));
  for (const f of found.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset)) {
    const speakerId = idOf.get(f.cluster);
    if (!speakerId || insideReported(f)) continue;
    const key = `${speakerId}|${f.kind}|${f.line}|${f.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    quotes.push({ speakerId, text: f.text, kind: f.kind, line: f.line, role: f.role });
  }
  const used = new Set(quotes.map((q) => q.speakerId));
  return {
    quotes,
    speakers: speakers.filter((s) => used.has(s.id)).map(({ cluster: _cluster, ...s }) => s),
  };
}

/** What may open a sentence before its subject's name: marks, and a determiner before a role ("Her colleague Tom Baxter"). */
const SUBJECT_LEAD = /^[\s"'“‘(]*(?:(?:the|a|an|his|her|their|its|our|my)\s+)?$/i;

const KIND_BEFORE = /((?:\b\p{Lu}[\p{L}-]*\s+){0,3})((?:\b\p{Ll}[\p{Ll}-]*\s+){1,3})$/u;

/**
 * The words before a name that tell what it names: "the" (a place or body, "the Middle East"), or a role or kind in
 * lower case with its qualifier ("Braga mayor Ricardo Rio", "environmental group Zero").
 */
function kindBefore(sentence: string, at: number): string {
  const m = KIND_BEFORE.exec(sentence.slice(Math.max(0, at - 60), at));
  const lower = (m?.[2] ?? '').trim().split(/\s+/);
  const word = lower[lower.length - 1] ?? '';
  if (word === 'the') return 'the ';
  if (!m || !(ROLE_WORDS.has(word) || DESCRIPTION_ORG_NOUNS.has(word))) return '';
  // "Republican presidential nominee Donald Trump": role words in a run before the kind belong to it.
  let from = lower.length - 1;
  while (from > 0 && ROLE_WORDS.has(lower[from - 1] ?? '')) from--;
  const kind = lower.slice(from).join(' ');
  // Its capitalised qualifier, less a word that only opens the sentence ("The Green Party mayoral candidate").
  const qualifier = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
  while (qualifier.length && LEADING_FUNCTION_WORDS.has((qualifier[0] ?? '').toLowerCase())) qualifier.shift();
  return from === 0 && qualifier.length ? `${qualifier.join(' ')} ${kind} ` : `${kind} `;
}

/**
 * "…, and, their coach said, a point to prove after a result that he called the hardest of his career": a "he" after a
 * person the same sentence described as speaking is that person, not someone named paragraphs before.
 */
function describedSpeakerBefore(sentence: string, upTo: number): Mention | null {
  const before = sentence.slice(0, Math.max(0, upTo));
  const verb = speechVerbs(before).at(-1);
  if (!verb) return null;
  // "their coach said": a possessive's person, a speaker of their own, as "the coach" is when no coach was named.
  const possessive = POSSESSED_PERSON.exec(before.slice(0, verb.index));
  const subject = possessive ? { mention: parseMention(`the ${possessive[1] ?? ''}`) } : findSubject(before.slice(0, verb.index));
  return subject?.mention?.reference === 'description' && subject.mention.kind === 'person' ? subject.mention : null;
}

const POSSESSED_PERSON = /\b(?:his|her|their|its)\s+(\p{Ll}+)\s*$/u;

/** Half of b's words are in a: the two are the same quotation, read twice. */
function overlaps(a: string, b: string): boolean {
  const wa = new Set(a.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
  const wb = b.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  if (!wb.length) return false;
  return wb.filter((w) => wa.has(w)).length / wb.length >= 0.5;
}

/** The paragraph with the words inside double quotes blanked (same length), so their verbs are not the author's. */
export function maskQuotes(text: string): string {
  // The spans come in order and do not overlap: one pass, keeping the marks and blanking what is between.
  let out = '';
  let from = 0;
  for (const s of doubleQuoteSpans(text)) {
    out += text.slice(from, s.open + 1) + ' '.repeat(Math.max(0, s.close - s.open - 1));
    from = s.close;
  }
  return from === 0 ? text : out + text.slice(from);
}
