import { surnameOf } from '../speakers/registry.ts';
import type { DocumentAnalysis } from '../types.ts';
import type { CorpusSpeaker } from './types.ts';

/**
 * One speaker across documents: the same canonical name is the same person, and a document that only
 * ever says "Stubb" means the one Alexander Stubb the corpus knows, when there is exactly one.
 * Rewrites the documents' quotes to the merged ids.
 */
export function mergeSpeakers(documents: DocumentAnalysis[]): CorpusSpeaker[] {
  const byId = new Map<string, CorpusSpeaker>();
  for (const doc of documents) {
    for (const s of doc.speakers) {
      const known = byId.get(s.id);
      if (known) {
        // Already merged once (an index loaded from cache): the fuller name wins.
        if (s.name.split(' ').length > known.name.split(' ').length) {
          known.aliases = [...new Set([...known.aliases, known.name])];
          known.name = s.name;
        }
        known.aliases = [...new Set([...known.aliases, ...s.aliases])];
        known.roles = [...new Set([...known.roles, ...s.roles])];
        if (!known.documents.includes(doc.id)) known.documents.push(doc.id);
      } else byId.set(s.id, { ...s, aliases: [...s.aliases], roles: [...s.roles], documents: [doc.id], quoteCount: 0 });
    }
  }
  const fullNames = [...byId.values()].filter((s) => s.kind === 'person' && s.name.includes(' '));
  const remap = new Map<string, string>();
  for (const s of byId.values()) {
    if (s.kind !== 'person' || s.name.includes(' ')) continue;
    const matches = fullNames.filter((f) => surnameOf(f.name).toLowerCase() === s.name.toLowerCase());
    const target = matches.length === 1 ? matches[0] : undefined;
    if (!target) continue;
    remap.set(s.id, target.id);
    target.aliases = [...new Set([...target.aliases, ...s.aliases, s.name])];
    target.roles = [...new Set([...target.roles, ...s.roles])];
    for (const d of s.documents) if (!target.documents.includes(d)) target.documents.push(d);
    byId.delete(s.id);
  }
  for (const doc of documents) {
    for (const q of doc.quotes) {
      q.speakerId = remap.get(q.speakerId) ?? q.speakerId;
      const speaker = byId.get(q.speakerId);
      if (speaker) speaker.quoteCount++;
    }
    for (const s of doc.speakers) s.id = remap.get(s.id) ?? s.id;
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
