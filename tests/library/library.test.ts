import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Keyv from 'keyv';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { SUBCOMMAND, type Options } from '../../src/commands/command.ts';
import { config } from '../../src/commands/config.ts';
import { library } from '../../src/commands/library.ts';
import { quote } from '../../src/commands/quote.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { safeFileName } from '../../src/library/library.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';
import { runCommand } from '../../src/commands/server-command.ts';

const A = '100000000000000001';
const B = '100000000000000002';
const MOD_ROLE = '300000000000000003';
const standin = new DiscordStandIn();
let store: Keyv;
let app: App;
let uploadsDir: string;

const moderator = (guildId: string): Where => ({ guildId, userId: '200000000000000001', userName: 'mod', canManageGuild: true, roleIds: [] });
const member = (guildId: string, roleIds: string[] = []): Where => ({ guildId, userId: '200000000000000002', userName: 'member', canManageGuild: false, roleIds });

async function run(command: typeof library, where: Where, sub: string, options: Options = {}) {
  const { ctx } = await contextFor(app, where);
  return runCommand(command, ctx, { ...options, [SUBCOMMAND]: sub });
}

async function upload(where: Where, name: string, content: string | Uint8Array, extra: Options = {}) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const a = standin.hostAttachment(name, bytes);
  return run(library, { ...where, attachments: { file: { url: a.url, name, size: bytes.length } } }, 'add', extra);
}

const ARTICLE = `March 3, 2025
Title: Harbour notes

"We will rebuild the pier before the summer," said Mayor Ann Lee of Portsmouth.
The council said on Monday that the works would cost $2 million.
`;

beforeAll(async () => {
  await standin.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-library-'));
  uploadsDir = path.join(dir, 'uploads');
  store = await openStore(`sqlite://${path.join(dir, 'lectern.sqlite')}`, 'lectern');
  app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir, warn: () => undefined });
});
afterAll(async () => {
  await store.disconnect();
  await standin.stop();
});

describe('each server’s reading list', () => {
  it('adds an upload that only its own server sees, and survives a restart', async () => {
    const added = await upload(moderator(A), 'harbour.txt', ARTICLE);
    expect(added.kind).toBe('answer');
    expect(added.items[0]?.heading).toBe('Harbour notes');

    const inA = await contextFor(app, member(A));
    const inB = await contextFor(app, member(B));
    expect((await quote.run(inA.ctx, { speaker: 'Ann Lee' })).kind).toBe('answer');
    expect((await quote.run(inB.ctx, { speaker: 'Ann Lee' })).kind).toBe('not-found');
    // Both servers still read the bundled article.
    expect((await quote.run(inB.ctx, { speaker: 'Stubb' })).kind).toBe('answer');

    // A new process: the same database and folder, a fresh index.
    const again = await createApp({ query: new CorpusQuery(structuredClone(await bundledIndex())), store, uploadsDir, warn: () => undefined });
    const restartedA = await contextFor(again, member(A));
    expect((await quote.run(restartedA.ctx, { speaker: 'Mayor Ann Lee' })).items[0]?.citation).toMatchObject({ file: 'harbour.txt', line: 4, date: '2025-03-03' });
  });

  it('rejects bad uploads with a clear message and leaves the list as it was', async () => {
    const before = await app.library.list(B);
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ['empty.txt', '', /empty/],
      ['binary.txt', new Uint8Array([0, 1, 2, 3, 0, 255]), /binary/],
      ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /UTF-8/],
      ['huge.txt', 'a'.repeat(2 * 1024 * 1024 + 1), /larger than 2 MB/],
      ['slides.pptx', 'slides', /\.txt, \.md, \.html, \.pdf, \.epub or \.docx/],
      ['slides.pdf', '%PDF-1.4', /not a readable PDF/],
      ['blank.md', '   \n\n  ', /empty/],
    ];
    for (const [name, content, message] of cases) {
      const reply = await upload(moderator(B), name, content);
      expect(reply.kind, `${name}: ${JSON.stringify(reply)}`).toBe('invalid');
      expect(reply.intro, name).toMatch(message);
    }
    expect((await upload(moderator(B), 'ok.txt', ARTICLE, { date: 'the day after' })).intro).toMatch(/full date/);
    expect(await app.library.list(B)).toEqual(before);
  });

  it('handles deeply nested or malformed HTML and names with ../', async () => {
    const nested = `<html><body>${'<div>'.repeat(5000)}<p>The minister said on 2 May 2024 that talks would resume.</p>${'</div>'.repeat(10)}<p>Unclosed <b>bold`;
    const reply = await upload(moderator(B), '../../etc/passwd/../Notes (v2).html', nested);
    expect(reply.kind, JSON.stringify(reply)).toBe('answer');
    const [record] = (await app.library.list(B)).slice(-1);
    expect(record?.file).toBe('Notes-v2.html');
    expect(record?.id.startsWith(`uploads/${B}/`)).toBe(true);
    expect(safeFileName('..')).toBeNull();
    expect(safeFileName('a/b\\c.md')).toBe('c.md');
  });

  it('removes an upload, and switches bundled documents off and on per server', async () => {
    const [record] = await app.library.list(B);
    expect(record).toBeDefined();
    const removed = await run(library, moderator(B), 'remove', { document: record?.id ?? '' });
    expect(removed.kind).toBe('answer');
    expect((await app.library.list(B)).some((r) => r.id === record?.id)).toBe(false);

    const off = await run(library, moderator(B), 'disable', { document: '2025-09-04-security-guarantees.txt' });
    expect(off.title).toBe('Document switched off');
    expect((await quote.run((await contextFor(app, member(B))).ctx, { speaker: 'Stubb' })).kind).toBe('not-found');
    expect((await quote.run((await contextFor(app, member(A))).ctx, { speaker: 'Stubb' })).kind).toBe('answer');
    await run(library, moderator(B), 'enable', { document: '2025-09-04-security-guarantees.txt' });
    expect((await quote.run((await contextFor(app, member(B))).ctx, { speaker: 'Stubb' })).kind).toBe('answer');
  });

  it('lets only Manage Server or the moderator role change anything', async () => {
    for (const [sub, options] of [['list', {}], ['add', {}], ['remove', { document: 'x' }]] as const) {
      const reply = await run(library, member(A), sub, options);
      expect(reply.kind).toBe('invalid');
      expect(reply.intro).toMatch(/Manage Server/);
    }
    const denied = await run(config, member(A), 'set visibility', { value: 'ephemeral' });
    expect(denied.intro).toMatch(/Manage Server/);
    await run(config, moderator(A), 'set moderator-role', { role: MOD_ROLE });
    const allowed = await run(config, member(A, [MOD_ROLE]), 'set visibility', { value: 'ephemeral' });
    expect(allowed.kind).toBe('answer');
    expect((await app.settings.get(A)).replyVisibility).toBe('ephemeral');
    expect((await contextFor(app, member(A))).ephemeral).toBe(true);
  });
});
