// Server commands run one handler per subcommand path, only in a server, and only for moderators: the real
// /config, /library and /digest with a real app, as runCommand (the router's and the console's way in) runs them.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Keyv from 'keyv';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { SUBCOMMAND } from '../../src/commands/command.ts';
import { config } from '../../src/commands/config.ts';
import { digest } from '../../src/commands/digest.ts';
import { library } from '../../src/commands/library.ts';
import { NOT_IN_SERVER, runCommand } from '../../src/commands/server-command.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';

const GUILD = '100000000000000001';
const moderator: Where = { guildId: GUILD, userId: '200000000000000001', userName: 'mod', canManageGuild: true, roleIds: [] };
const member: Where = { ...moderator, userId: '200000000000000002', userName: 'member', canManageGuild: false };

let store: Keyv;
let app: App;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-subcommands-'));
  store = await openStore(`sqlite://${path.join(dir, 'test.sqlite')}`, 'test');
  app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(dir, 'uploads'), warn: () => {} });
});
afterAll(async () => {
  await store.disconnect();
});

const run = async (where: Where, command: typeof config, sub: string, options: Record<string, string> = {}) => runCommand(command, (await contextFor(app, where)).ctx, { ...options, [SUBCOMMAND]: sub });

describe('server commands', () => {
  it('answer outside a server that they work in one, without touching any server', async () => {
    const outside = { query: app.corpus.query };
    for (const command of [config, library, digest]) expect(await runCommand(command, outside, { [SUBCOMMAND]: 'show' })).toBe(NOT_IN_SERVER);
    expect(NOT_IN_SERVER.intro).toBe('This works in a Discord server.');
  });

  it('refuse members who may not configure, before any handler runs', async () => {
    for (const [command, sub] of [[config, 'set digest-time'], [library, 'list'], [digest, 'pause']] as const) {
      const reply = await run(member, command, sub, { time: '07:00' });
      expect(reply.intro).toBe('Only members with Manage Server, or the moderator role, can change Lectern’s settings.');
    }
    expect((await app.settings.get(GUILD)).digest).toMatchObject({ time: '08:00', state: 'off' });
  });

  it('run the handler of the path asked, and say which paths there are for any other', async () => {
    expect((await run(moderator, config, 'set digest-time', { time: '07:00' })).title).toBe('Setting saved');
    expect((await run(moderator, digest, 'pause')).title).toBe('Digest paused');
    expect((await run(moderator, library, 'list')).title).toBe('Reading list');
    for (const sub of ['', 'Show', '__proto__', 'constructor', 'set', 'set digest-time extra']) {
      expect((await run(moderator, config, sub)).intro, sub).toBe('Use `/config show`, `/config set <setting>`, `/config reset` or `/config history`.');
    }
    expect((await run(moderator, config, 'set nope')).intro).toBe('There is no setting called "nope". Settings: visibility, moderator-role, date-order, digest, digest-channel, digest-time, digest-timezone, digest-days, digest-content, digest-catch-up.');
    expect((await run(moderator, library, 'toString')).intro).toMatch(/^Use `\/library add`/);
    expect((await run(moderator, digest, 'hasOwnProperty')).intro).toMatch(/^Use `\/digest preview`/);
  });
});
