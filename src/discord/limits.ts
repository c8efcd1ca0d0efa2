/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
} as const;

/** Cuts at a word boundary and says so; never mid-word without a mark. */
export function shorten(text: string, max: number, note = '…'): { text: string; shortened: boolean } {
  if (text.length <= max) return { text, shortened: false };
  const room = max - note.length;
  const cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  return { text: `${space > room * 0.6 ? cut.slice(0, space) : cut}${note}`, shortened: true };
}
