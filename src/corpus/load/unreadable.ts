/** A document refused for a reason the person who added it can act on ("it is encrypted"). */
export class UnreadableDocument extends Error {
  override readonly name = 'UnreadableDocument';
}
