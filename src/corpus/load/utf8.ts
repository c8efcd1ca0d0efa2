/** The bytes as UTF-8 text, or null when they are not valid UTF-8 (nothing is replaced by U+FFFD). */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
