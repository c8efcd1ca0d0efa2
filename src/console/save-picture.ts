import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { picturesDir } from '../config/paths.ts';
import type { Reply } from '../reply/reply.ts';
import { renderText, type TextStyle } from './render-text.ts';

/** Writes a reply's picture under `dir` with a name of its own (nothing earlier is overwritten); returns its path. */
export async function savePicture(picture: NonNullable<Reply['picture']>, dir = picturesDir()): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const { name, ext } = path.parse(picture.file);
  const file = path.join(dir, `${name}-${stamp}-${randomBytes(2).toString('hex')}${ext}`);
  await writeFile(file, picture.png, { flag: 'wx' });
  return file;
}

/** A reply as the console shows it: its text, and where its picture was written, if it has one. */
export async function consoleAnswer(reply: Reply, style: TextStyle, dir?: string): Promise<string> {
  const text = renderText(reply, style);
  if (!reply.picture) return text;
  return `${text}\n\nPicture: ${await savePicture(reply.picture, dir)}`;
}
