// What a tagged source says about its speaker: the name, the role around it, or a description that stands alone.
import { parseMention, type Mention } from '../speakers/mention.ts';
import { DAY_OR_MONTH, DESCRIPTION_ORG_NOUNS, GROUP_NOUNS, LEADING_FUNCTION_WORDS, PIECE_NOUNS } from '../speakers/vocabulary.ts';

const PIECES = new Set(PIECE_NOUNS);

/** A bracketed note after a name that is not an acronym: a party and state ("(D-N.C.)"), an age ("(52)"). */
const NOTE = /\s*\((?![\p{Lu}][\p{Lu}\d&.-]{1,9}\))[^)]*\)/gu;
const POSSESSIVE_END = /['’]s?$/;
const CAPITALISED = /\p{Lu}/u;
const WHEN = new RegExp(`^${DAY_OR_MONTH}$`, 'i');

/**
 * "Rep. Gwen Moore (D-Wis.), the caucus whip" → Gwen Moore, role "the caucus whip"; "Trump's" → Trump;
 * "a Homeland Security Department official" → a speaker of its own, named by the description.
 */
export function mentionOfSource(sourceText: string): Mention | null {
  const text = sourceText.replace(NOTE, '').replace(/\s+/g, ' ').trim().replace(/^[,;:\s]+|[,;:\s]+$/g, '');
  if (!text) return null;
  const comma = text.indexOf(', ');
  const head = (comma > 0 ? text.slice(0, comma) : text).replace(POSSESSIVE_END, '').trim();
  const appositive = comma > 0 ? text.slice(comma + 2).trim() || null : null;
  // "a White House statement, President Obama": the statement carries the words; the name after it speaks.
  if (appositive && PIECES.has(head.split(' ').pop()?.toLowerCase() ?? '')) {
    const speaker = parseMention(appositive);
    if (speaker?.reference === 'name') return speaker;
  }
  const parsed = parseMention(head, appositive);
  if (parsed) return parsed;
  // "longtime Democratic pollster Pat Caddell": lower-case words before the role describe the person the name names.
  const words = head.split(' ');
  for (let i = 1; i < words.length - 1 && !CAPITALISED.test((words[i - 1] ?? '').charAt(0)); i++) {
    const rest = parseMention(words.slice(i).join(' '), appositive);
    if (rest?.reference === 'name' && rest.kind === 'person' && rest.name.includes(' ')) return rest;
  }
  // "Tom Jones of the Smith family", "Ann Lee from the union": the name before a lower-case phrase is the speaker.
  const qualified = /^(.+?)\s+(?:of|from|at|with|for|in)\s+\S/.exec(head);
  const named = qualified ? parseMention(qualified[1] ?? '', appositive) : null;
  if (named?.reference === 'name') return named;
  return standaloneDescription(head);
}

/**
 * A source no rule names ("a senior Pentagon official", "Clinton's campaign", "the Daily Mail's editor") still has a
 * capitalised word to be known by: it is its own speaker, named as written, without its article.
 */
function standaloneDescription(head: string): Mention | null {
  const words = head.split(' ');
  // Days, months and figures name no one ("tweets early Friday", "32% of Republican claims").
  if (words.length > 7 || /\d/.test(head) || !words.some((w) => CAPITALISED.test(w) && !WHEN.test(w))) return null;
  // A capital that only opens the sentence on a common noun ("Officials said", "Critics call") names no one.
  const common = (w: string) => GROUP_NOUNS.has(w.toLowerCase()) || LEADING_FUNCTION_WORDS.has(w.toLowerCase());
  if (!words.slice(1).some((w) => CAPITALISED.test(w)) && words.every((w, i) => i > 0 || common(w))) return null;
  const bare = words[0] && /^(a|an|the|another|one|two|three|several|some|many)$/i.test(words[0]) ? words.slice(1) : words;
  if (!bare.length) return null;
  const name = bare.join(' ').replace(/['’]s\b/g, '');
  const last = (bare[bare.length - 1] ?? '').toLowerCase();
  // A spokesman speaks for an organisation but is a person; "the Clinton campaign", "its staff" are bodies.
  const body = !/spokes/.test(last) && (DESCRIPTION_ORG_NOUNS.has(last) || /campaign|team|committee|office|administration|staff/.test(last));
  const kind = body ? 'organisation' : GROUP_NOUNS.has(last) ? 'group' : 'person';
  return { surface: head, name, kind, role: null, acronym: null, reference: 'name', definite: false };
}
