/** Cuts text to at most `max` characters at a word boundary and ends it with `note`; never mid-word without a mark. */
export function clip(text: string, max: number, note = '…'): string {
  if (text.length <= max) return text;
  const room = max - note.length;
  const cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  return `${space > room * 0.6 ? cut.slice(0, space) : cut}${note}`;
}
