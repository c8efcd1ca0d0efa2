// The tag set of the attribution tagger: each token is part of a source, a cue, a content, or of none.
// B- opens a span, I- continues it (PolNeAR's spans read as one such sequence per paragraph).

export const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;

export type Role = 'source' | 'cue' | 'content';

export const O = 0;
const ROLE_BEGIN: Record<Role, number> = { source: 1, cue: 3, content: 5 };

export const labelOf = (role: Role, begins: boolean): number => ROLE_BEGIN[role] + (begins ? 0 : 1);

/** The role a label tags, or null for O. */
export function roleOfLabel(label: number): Role | null {
  if (label === 1 || label === 2) return 'source';
  if (label === 3 || label === 4) return 'cue';
  if (label === 5 || label === 6) return 'content';
  return null;
}

export const begins = (label: number): boolean => label === 1 || label === 3 || label === 5;
