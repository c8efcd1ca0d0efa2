// The domain of the text engine. Everything here is plain data: serialisable, Discord-free.

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'epub' | 'docx';

/**
 * Where a reader finds a line in the original, for sources without lines of their own: from `line` on (until the
 * next entry), the text is at `location` ("p. 2", "ch. 2, The Flood").
 */
export interface LocationStart {
  line: number;
  location: string;
}

/** What a paragraph is for the analysers: prose, structure, or something to skip. */
export type ParagraphKind = 'text' | 'heading' | 'blockquote' | 'elision' | 'citation' | 'meta';

export interface Paragraph {
  /** 1-based source line the paragraph starts on. */
  line: number;
  /** Normalised text; for paragraphs over several source lines the lines are joined by one space. */
  text: string;
  /** Where later source lines start inside `text`, in order: text from `offset` on comes from `line`. */
  breaks: Array<{ offset: number; line: number }>;
  kind: ParagraphKind;
  /** Heading level (1–6) for headings. */
  level?: number;
  /** For marked block quotes: who or what the markup says is quoted (`cite`, a footer line). */
  cite?: string;
}

/** What a document is, loaded or analysed: where it comes from and who published it when. */
export interface DocumentHeader {
  /** Stable identifier: the file's path relative to the corpus root, with forward slashes. */
  id: string;
  /** Base name of the source file. */
  file: string;
  format: DocumentFormat;
  title: string;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  published: string | null;
  author: string | null;
  source: string | null;
  lineCount: number;
  /** PDF pages, EPUB chapters: in line order. Absent for sources whose lines are the reader's own. */
  locations?: LocationStart[];
}

export interface LoadedDocument extends DocumentHeader {
  paragraphs: Paragraph[];
}

export interface Sentence {
  /** Index of the paragraph in the document. */
  paragraph: number;
  /** Offset of the sentence in the paragraph's text. */
  start: number;
  end: number;
  text: string;
  line: number;
}

export type QuoteKind = 'direct' | 'indirect' | 'block';
export type SpeakerKind = 'person' | 'organisation' | 'group';

export interface Quote {
  /** Canonical speaker id (see Speaker.id). */
  speakerId: string;
  text: string;
  kind: QuoteKind;
  line: number;
  /** The role the text gives the speaker at this quote ("Ukraine's new ambassador to NATO"), if any. */
  role: string | null;
}

export interface Speaker {
  /** Lower-case canonical key, shared by every document that names the same person. */
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Other names the text used (surface forms, titles included), without the canonical name. */
  aliases: string[];
  roles: string[];
}

export type DateGranularity = 'day' | 'month' | 'year';

export interface DatedEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  granularity: DateGranularity;
  /** The sentence that describes what happened. */
  text: string;
  /** The date words as written. */
  expression: string;
  line: number;
}

export interface Section {
  label: string;
  keywords: string[];
  lines: [number, number];
  /** Summaries at three lengths, each a list of sentence indexes (into the document's sentences), in order. */
  summaries: { short: number[]; medium: number[]; long: number[] };
  heading: string | null;
}

export interface DocumentAnalysis extends DocumentHeader {
  sentences: Sentence[];
  quotes: Quote[];
  events: DatedEvent[];
  sections: Section[];
  /** Speakers of this document with the aliases this document used. */
  speakers: Speaker[];
}
