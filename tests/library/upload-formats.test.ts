import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { fetchPage } from '../../src/app/fetch-page.ts';
import { SUBCOMMAND, type Options } from '../../src/commands/command.ts';
import { event } from '../../src/commands/event.ts';
import { library } from '../../src/commands/library.ts';
import { quote } from '../../src/commands/quote.ts';
import { search } from '../../src/commands/search.ts';
import { summary } from '../../src/commands/summary.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startArticleServer, type ArticleServer } from '../support/article-server.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';
import { makeDocx, makeEpub, makePdf } from '../support/make-documents.ts';
import { runCommand } from '../../src/commands/server-command.ts';

const GUILD = '100000000000000007';
const moderator: Where = { guildId: GUILD, userId: '200000000000000001', userName: 'mod', canManageGuild: true, roleIds: [] };
const member: Where = { ...moderator, userId: '200000000000000002', canManageGuild: false };
const standin = new DiscordStandIn();
let server: ArticleServer;
let store: Keyv;
let app: App;
let dir: string;
const links = (address: string) => fetchPage(address, { allowLoopbackForTestsOnly: true });

async function upload(name: string, bytes: Uint8Array, extra: Options = {}) {
  const a = standin.hostAttachment(name, bytes, 'application/octet-stream');
  const { ctx } = await contextFor(app, { ...moderator, attachments: { file: { url: a.url, name, size: bytes.length } } });
  return runCommand(library, ctx, { ...extra, [SUBCOMMAND]: 'add' });
}

beforeAll(async () => {
  await standin.start();
  server = await startArticleServer();
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-formats-'));
  store = await openStore(`sqlite://${path.join(dir, 'lectern.sqlite')}`, 'lectern');
  app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(dir, 'uploads'), warn: () => undefined, fetchPage: links });
});
afterAll(async () => {
  await store.disconnect();
  await standin.stop();
  await server.close();
});

describe('/library add with a PDF, an EPUB, a Word file and a link', () => {
  it('answers /quote, /event, /summary and /search from each, citing page or chapter, also after a restart', async () => {
    const pdf = await makePdf(
      [
        { lines: ['# Harbour council report', 'The council met on 3 November 2024 to discuss the sea wall.'] },
        { lines: ['# The works', 'On 5 November 2024 the engineers began work on the breakwater.', '"The wall will stand for a century," said Anna Berg, the mayor.'] },
      ],
      { title: 'Harbour council report', furniture: true },
    );
    const epub = makeEpub({ title: 'The Harbour Book', author: 'Ines Carr', date: '2019-05-01' }, [
      { file: 'ch1.xhtml', title: 'The Town', body: '<p>The harbour town had stood for three hundred years.</p>' },
      { file: 'ch2.xhtml', title: 'The Flood', body: '<p>The storm reached the coast on 12 March 1953.</p><p>"The water came over the lighthouse steps," said Marta Olsen.</p>' },
    ]);
    const docx = makeDocx({ title: 'Board minutes', author: 'Lena Vos', created: '2024-03-05T10:00:00Z' }, [
      { text: 'Repairs', style: 'Heading1' },
      { text: '"The pier must close until the pilings are safe," said Jonas Pike, the board chair.' },
      { text: 'Work on the pier will start on 1 April 2024.' },
    ]);
    for (const [name, bytes] of [['report.pdf', pdf], ['book.epub', epub], ['minutes.docx', docx]] as const) {
      const reply = await upload(name, bytes);
      expect(reply.kind, `${name}: ${JSON.stringify(reply)}`).toBe('answer');
    }
    expect((await runCommand(library, (await contextFor(app, moderator)).ctx, { url: `${server.base}/article`, [SUBCOMMAND]: 'add' })).kind).toBe('answer');

    const ask = async (a: App) => {
      const { ctx } = await contextFor(a, member);
      return {
        berg: (await quote.run(ctx, { speaker: 'Anna Berg' })).items[0]?.citation,
        olsen: (await quote.run(ctx, { speaker: 'Marta Olsen' })).items[0]?.citation,
        pike: (await quote.run(ctx, { speaker: 'Jonas Pike' })).items[0]?.citation,
        delgado: (await quote.run(ctx, { speaker: 'Rosa Delgado' })).items[0]?.citation,
        works: (await event.run(ctx, { date: '2024-11-05' })).items[0]?.citation,
        flood: (await summary.run(ctx, { section: 'the flood' })).items[0]?.citation,
        breakwater: (await search.run(ctx, { query: 'breakwater' })).items[0]?.citation,
        lighthouse: (await search.run(ctx, { query: 'lighthouse' })).items[0]?.citation,
      };
    };
    const expected = {
      berg: { file: 'report.pdf', location: 'p. 2' },
      olsen: { file: 'book.epub', location: 'ch. 2, The Flood', date: '2019-05-01' },
      pike: { file: 'minutes.docx', line: 2, date: '2024-03-05' },
      delgado: { file: '127.0.0.1-article.html', date: '2024-11-04' },
      works: { file: 'report.pdf', location: 'p. 2' },
      flood: { file: 'book.epub', location: 'ch. 2, The Flood' },
      breakwater: { file: 'report.pdf', location: 'p. 2' },
      lighthouse: { file: 'book.epub', location: 'ch. 2, The Flood' },
    };
    expect(await ask(app)).toMatchObject(expected);
    const fetched = server.requests.length;
    // A new process on the same database and folder reads every upload from disk again, without fetching the link.
    const again = await createApp({ query: new CorpusQuery(structuredClone(await bundledIndex())), store, uploadsDir: path.join(dir, 'uploads'), warn: () => undefined, fetchPage: links });
    expect(await ask(again)).toMatchObject(expected);
    expect(server.requests.length).toBe(fetched);
  });

  it('refuses a scanned PDF and an encrypted one with their reason, and the list stays as it was', async () => {
    const before = await app.library.list(GUILD);
    const scan = await upload('scan.pdf', await makePdf([{ lines: ['x'] }], { noText: true }));
    expect(scan.intro).toMatch(/That file cannot be read: it has no text layer/);
    const locked = await upload('locked.pdf', await makePdf([{ lines: ['Secret minutes.'] }], { userPassword: 'pw', ownerPassword: 'owner' }));
    expect(locked.intro).toMatch(/That file cannot be read: it is encrypted/);
    expect(await app.library.list(GUILD)).toEqual(before);
  });
});
