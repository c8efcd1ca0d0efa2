import { cite } from '../reply/cite.ts';
import { documentRef, type CorpusQuery, type Scope } from '../corpus/query/corpus-query.ts';
import type { CorpusSpeaker } from '../corpus/index/types.ts';
import type { QuizQuestion } from '../reply/reply.ts';

export type { QuizChoice, QuizQuestion } from '../reply/reply.ts';

/** No question: fewer than four speakers, or four or more of whom no quote makes one. */
export type QuestionResult = { ok: true; question: QuizQuestion } | { ok: false; why: 'few-speakers' | 'no-quote'; speakers: string[] };

export const CHOICES = 4;
export const BLANK = '▁▁▁';
export const MIN_QUOTE = 25;
export const MAX_QUOTE = 500;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The quote with whatever names the speaker: the full name, the aliases the text used ("Mr Stubb", "FSB"),
 * and each capitalised word of the name ("Stubb", "Alexander"), longest first so "Alexander Stubb" goes whole.
 */
export function blankNames(text: string, speaker: Pick<CorpusSpeaker, 'name' | 'aliases'>): string {
  const words = speaker.name.split(/\s+/).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w));
  const names = [...new Set([speaker.name, ...speaker.aliases, ...words].map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  if (!names.length) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, BLANK);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A question from the reading list: a quote picked at random (words said or reported, of a readable length,
 * still meaningful with the speaker blanked), and three other speakers of the list, of the same kind where there
 * are enough (people with people, organisations with organisations), shuffled in with the right one.
 */
export function makeQuestion(query: CorpusQuery, scope: Scope, random: () => number): QuestionResult {
  const speakers = query.speakers(scope);
  if (speakers.length < CHOICES) return { ok: false, why: 'few-speakers', speakers: speakers.map((s) => s.name) };
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const candidates = query.documents(scope).flatMap((d) =>
    d.quotes
      .filter((q) => q.kind !== 'block' && q.text.length >= MIN_QUOTE && q.text.length <= MAX_QUOTE && byId.has(q.speakerId))
      .map((q) => ({ q, d, text: blankNames(q.text, byId.get(q.speakerId) as CorpusSpeaker) }))
      // A quote that was mostly its speaker's name gives the answer away or says nothing.
      .filter((c) => c.text.replaceAll(BLANK, '').trim().length >= MIN_QUOTE * 0.8),
  );
  if (!candidates.length) return { ok: false, why: 'no-quote', speakers: speakers.map((s) => s.name) };
  const picked = candidates[Math.floor(random() * candidates.length)] as (typeof candidates)[number];
  const speaker = byId.get(picked.q.speakerId) as CorpusSpeaker;
  const others = speakers.filter((s) => s.id !== speaker.id);
  const alike = shuffle(others.filter((s) => s.kind === speaker.kind), random);
  const rest = shuffle(others.filter((s) => s.kind !== speaker.kind), random);
  const distractors = [...alike, ...rest].slice(0, CHOICES - 1);
  const choices = shuffle([speaker, ...distractors], random);
  const role = (s: CorpusSpeaker) => (s.id === speaker.id ? (picked.q.role ?? s.roles[0] ?? null) : (s.roles[0] ?? null));
  return {
    ok: true,
    question: {
      text: picked.text,
      said: picked.q.text,
      kind: picked.q.kind,
      citation: cite(documentRef(picked.d), picked.q.line),
      choices: choices.map((s) => ({ name: s.name, role: role(s) })),
      answer: choices.indexOf(speaker),
    },
  };
}
