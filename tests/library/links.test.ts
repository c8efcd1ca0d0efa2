import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { fetchPage, LINK_LIMITS } from '../../src/app/fetch-page.ts';
import { SUBCOMMAND } from '../../src/commands/command.ts';
import { event } from '../../src/commands/event.ts';
import { library } from '../../src/commands/library.ts';
import { quote } from '../../src/commands/quote.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startArticleServer, type ArticleServer } from '../support/article-server.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { runCommand } from '../../src/commands/server-command.ts';

const GUILD = '100000000000000009';
const moderator: Where = { guildId: GUILD, userId: '200000000000000001', userName: 'mod', canManageGuild: true, roleIds: [] };
let server: ArticleServer;
let store: Keyv;
let app: App;
const local = (address: string, limits = LINK_LIMITS) => fetchPage(address, { allowLoopbackForTestsOnly: true, limits });
const reason = async (p: Promise<Awaited<ReturnType<typeof fetchPage>>>) => {
  const r = await p;
  return r.ok ? `fetched ${r.url}` : r.reason;
};

beforeAll(async () => {
  server = await startArticleServer();
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-links-'));
  store = await openStore(`sqlite://${path.join(dir, 'lectern.sqlite')}`, 'lectern');
  app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(dir, 'uploads'), warn: () => undefined, fetchPage: (a) => local(a) });
});
afterAll(async () => {
  await store.disconnect();
  await server.close();
});

describe('fetching a link', () => {
  it('refuses this machine unless the test-only switch is on, and never private, link-local or metadata addresses', async () => {
    expect(await reason(fetchPage(`${server.base}/article`))).toBe('the link leads to 127.0.0.1 is this machine (loopback), which is not fetched');
    expect(await reason(fetchPage(`http://localhost:${new URL(server.base).port}/article`))).toMatch(/this machine \(loopback\)/);
    expect(await reason(fetchPage('http://[::ffff:127.0.0.1]/'))).toMatch(/this machine \(loopback\)/);
    expect(await reason(fetchPage('http://2130706433/'))).toMatch(/127\.0\.0\.1 is this machine/);
    expect(await reason(local('http://[::7f00:1]/'))).toMatch(/is a private, link-local or reserved address/);
    expect(await reason(local('http://169.254.169.254/latest/meta-data/'))).toMatch(/169\.254\.169\.254 is a private, link-local or reserved address/);
    expect(await reason(local('http://10.1.2.3/'))).toMatch(/10\.1\.2\.3 is a private/);
    expect(await reason(local('http://[::ffff:192.168.1.1]/'))).toMatch(/is a private/);
    expect(await reason(local('http://[fe80::1]/'))).toMatch(/is a private, link-local/);
    const before = server.requests.length;
    expect(await reason(local(`${server.base}/to-private`))).toBe('the link leads to 10.0.0.1 is a private, link-local or reserved address, which is not fetched');
    expect(await reason(local(`${server.base}/to-metadata`))).toMatch(/169\.254\.169\.254/);
    // The redirects were asked for; the private addresses they name were never connected to.
    expect(server.requests.slice(before)).toEqual(['/to-private', '/to-metadata']);
  });

  it('reads http and https only, follows at most 5 redirects, and needs an HTML answer', async () => {
    expect(await reason(local('ftp://example.com/a.html'))).toBe('only http and https links are read, not ftp');
    expect(await reason(local('file:///etc/passwd'))).toBe('only http and https links are read, not file');
    expect(await reason(local(`${server.base}/to-file`))).toBe('only http and https links are read, not file');
    expect(await reason(local('not a link'))).toMatch(/not a web address/);
    expect(await reason(local(`${server.base}/moved`))).toBe(`fetched ${server.base}/article`);
    expect(await reason(local(`${server.base}/loop/1`))).toBe('it redirects more than 5 times');
    expect(await reason(local(`${server.base}/json`))).toBe('it is not a web page (its type is application/json)');
    expect(await reason(local(`${server.base}/nowhere`))).toBe('the site answered 404 Not Found');
  });

  it('stops at the size and time limits', async () => {
    expect(await reason(local(`${server.base}/big-declared`))).toBe('the page is larger than 2 MB');
    expect(await reason(local(`${server.base}/big-streamed`))).toBe('the page is larger than 2 MB');
    expect(await reason(local(`${server.base}/slow`, { ...LINK_LIMITS, timeoutMs: 300 }))).toBe('the site did not answer within 0.3 seconds');
  });

  it('turns a page in another encoding into UTF-8', async () => {
    const page = await local(`${server.base}/latin1`);
    expect(page.ok && new TextDecoder().decode(page.bytes)).toContain('Rosa Delgadó');
  });
});

describe('/library add url:', () => {
  const add = async (url: string) => (await runCommand(library, (await contextFor(app, moderator)).ctx, { url, [SUBCOMMAND]: 'add' }));

  it('adds the article only: its title without the site name, its byline and date, the address as its source', async () => {
    const reply = await add(`${server.base}/moved`);
    expect(reply.kind, JSON.stringify(reply)).toBe('answer');
    expect(reply.items[0]?.heading).toBe('Harbour City edge Northgate in late drama');
    // Rosa Delgado's words, and what "their coach said" he called the result.
    expect(reply.items[0]?.text).toMatch(new RegExp(`^${server.base}/article · 2024-11-04 · 2 quotes, \\d+ events, 1 sections$`));
    const [record] = await app.library.list(GUILD);
    expect(record).toMatchObject({ file: '127.0.0.1-article.html', url: `${server.base}/article`, published: '2024-11-04' });
    const doc = app.corpus.query.documents().find((d) => d.id === record?.id);
    expect(doc).toMatchObject({ author: 'Tom Ellery', source: `${server.base}/article` });
    // The byline's date is not an event and the footer is not in the last section; nothing from the menus is read.
    expect(doc?.events.map((e) => e.date)).toContain('2024-12-14');
    expect(doc?.events.filter((e) => /Ellery/.test(e.text))).toEqual([]);
    const text = doc?.sentences.map((s) => s.text).join(' ') ?? '';
    expect(text).not.toMatch(/All rights reserved|Subscribe|Related stories|Weather|By Tom Ellery/);

    const { ctx } = await contextFor(app, { ...moderator, canManageGuild: false });
    const said = await quote.run(ctx, { speaker: 'Rosa Delgado' });
    expect(said.items[0]?.citation).toMatchObject({ file: '127.0.0.1-article.html', date: '2024-11-04' });
    // The coach's "he" is the coach, not the manager quoted two paragraphs before.
    expect(said.items.map((i) => i.text).join(' ')).toContain('never stopped believing');
    expect(said.items.map((i) => i.text).join(' ')).not.toContain('hardest of his career');
    expect((await event.run(ctx, { date: '2024-12-14' })).kind).toBe('answer');
  });

  it('says why a link failed and leaves the reading list as it was', async () => {
    const before = await app.library.list(GUILD);
    for (const [address, message] of [
      [`${server.base}/menu`, /That page cannot be read: it does not look like an article/],
      [`${server.base}/to-private`, /I could not add that link: the link leads to 10\.0\.0\.1/],
      [`${server.base}/nowhere`, /404/],
      [`${server.base}/big-streamed`, /larger than 2 MB/],
    ] as const) {
      const reply = await add(address);
      expect(reply.kind).toBe('invalid');
      expect(reply.intro).toMatch(message);
    }
    expect(await app.library.list(GUILD)).toEqual(before);
  });

  it('does not fetch anything for a server whose reading list is full', async () => {
    const full = '100000000000000010';
    for (let i = 0; i < 50; i++) {
      const added = await app.library.add(full, 'mod', { name: `n${i}.txt`, bytes: new TextEncoder().encode(`The council met on ${i + 1} May 2024.`) });
      expect(added.ok).toBe(true);
    }
    const asked = server.requests.length;
    const reply = await runCommand(library, (await contextFor(app, { ...moderator, guildId: full })).ctx, { url: `${server.base}/article`, [SUBCOMMAND]: 'add' });
    expect(reply.intro).toBe('This server already has 50 uploads; remove one first.');
    expect(server.requests.length).toBe(asked);
  });
});
