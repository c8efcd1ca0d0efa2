import type { Attachment } from '../commands/command.ts';

const TIMEOUT_MS = 15_000;

/** Downloads an attachment from Discord's CDN, refusing anything over `maxBytes` without reading it all. */
export async function fetchAttachment(a: Attachment, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(a.url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error('the file is too large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('the file is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
