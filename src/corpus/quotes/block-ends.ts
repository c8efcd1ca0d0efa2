// Cues that end a quoted block: signs that the author, not the quoted source, is speaking again.

const FIRST_PERSON = /\b(I|I'm|I've|I'd|me|my|mine)\b/;
const BACK_REFERENCE = /\b(that|this|these|those)\s+(statement|claim|assertion|argument|report|piece|article|op-ed|view|analysis|reasoning|narrative|assessment|quote|passage|excerpt|nonsense|propaganda)s?\b/i;

/** Single-quoted phrases that are not apostrophes: the author's own scare quotes in some styles. */
export const SINGLE_SCARE = /(^|[\s([])'[^'\s][^']{0,60}?[^\s']'(?=[\s.,;:!?)\]]|$)/;

export function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"/g, ' ');
}

/** Signs that the author, not the quoted source, is speaking again. */
export function authorVoice(text: string, authorUsesSingleQuotes: boolean): boolean {
  const own = outsideQuotes(text);
  if (FIRST_PERSON.test(own)) return true;
  if (/\?\s*$/.test(own.trim()) || /\?\s+\p{Lu}/u.test(own)) return true;
  if (BACK_REFERENCE.test(own)) return true;
  if (authorUsesSingleQuotes && SINGLE_SCARE.test(own)) return true;
  return false;
}

