// Gold annotations as shared/CONTRACT.md and dev/README.md describe them, checked when read.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const GoldQuoteSchema = z.object({
  speaker: z.string(),
  aliases: z.array(z.string()).default([]),
  text: z.string(),
  kind: z.string().optional(),
  line: z.number().optional(),
  /** false: the source has no name (a pronoun, "officials"); such quotes are not scored. */
  named: z.boolean().optional(),
  /** false: the cue is not speech (belief, intention); not scored for recall. */
  speech: z.boolean().optional(),
});

const GoldEventSchema = z.object({
  date: z.string(),
  expression: z.string().optional(),
  evidence: z.string(),
  line: z.number().optional(),
  /** "expression": found when a predicted event contains the expression's words (aquaint). */
  mode: z.string().optional(),
  /** false: a policy exclusion (a date inside a quotation) that counts neither way. */
  scored: z.boolean().optional(),
});

export const GoldDocumentSchema = z.object({
  document: z.string().optional(),
  quotes: z.array(GoldQuoteSchema).default([]),
  events: z.array(GoldEventSchema).default([]),
  speakers: z.array(z.string()).default([]),
});

export type GoldQuote = z.infer<typeof GoldQuoteSchema>;
export type GoldEvent = z.infer<typeof GoldEventSchema>;
/** One gold file; `document` is the source file's base name. */
export type GoldDocument = z.infer<typeof GoldDocumentSchema> & { document: string };

/** Every `*.json` in a folder, in name order; a file that is not gold is named in the error. */
export async function readGold(dir: string): Promise<GoldDocument[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const gold: GoldDocument[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
    }
    const parsed = GoldDocumentSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${file} is not gold: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    // As the reference scorer does: a gold file without `document` names the .txt of the same name.
    gold.push({ ...parsed.data, document: parsed.data.document ?? name.replace(/\.json$/, '.txt') });
  }
  return gold;
}
