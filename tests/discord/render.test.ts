import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Keyv from 'keyv';
import { COMMANDS } from '../../src/commands/index.ts';
import { commandData, commandsHash } from '../../src/discord/command-data.ts';
import { decodePageState, encodePageState } from '../../src/discord/page-state.ts';
import { embedSize, paginate, renderEmbed } from '../../src/discord/render.ts';
import { messageFor } from '../../src/discord/send.ts';
import { answer, notFound, type ReplyItem } from '../../src/reply/reply.ts';
import { openStore } from '../../src/store/open-store.ts';
import { clip } from '../../src/reply/clip.ts';

let store: Keyv;
beforeAll(async () => {
  store = await openStore(`sqlite://${path.join(await mkdtemp(path.join(tmpdir(), 'lectern-render-')), 'test.sqlite')}`, 'test');
});
afterAll(async () => {
  await store.disconnect();
});

const citation = { documentId: 'a.txt', title: 'A', file: 'a.txt', line: 3, date: '2025-01-02' };
const item = (text: string): ReplyItem => ({ heading: 'Said', text, citation });

describe('rendering replies for Discord', () => {
  it('pages long answers so that every embed stays within the limits', () => {
    const reply = answer('Many', Array.from({ length: 40 }, (_, i) => item(`${'word '.repeat(150)}${i}`)), 'Intro');
    const pages = paginate(reply);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((_, i) => {
      const embed = renderEmbed(reply, pages, i);
      expect(embed.description?.length).toBeLessThanOrEqual(4096);
      expect(embedSize(embed)).toBeLessThanOrEqual(6000);
      expect(embed.footer?.text).toBe(`Page ${i + 1} of ${pages.length}`);
    });
    // Nothing is lost: every item appears on exactly one page.
    expect(pages.flat()).toHaveLength(40);
  });

  it('shortens one over-long item at a word and says where the full text is', () => {
    const reply = answer('Long', [item('lorem ipsum '.repeat(1000))]);
    const embed = renderEmbed(reply, paginate(reply), 0);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toContain('(shortened; the full text is at line 3)');
    expect(embed.description).not.toMatch(/lore…|ipsu…/);
  });

  it('cuts text at a word boundary and marks the cut', () => {
    expect(clip('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(clip('short', 12)).toBe('short');
  });

  it('sends page buttons that carry their state, never pings, and hides not-found replies', async () => {
    const many = answer('Many', Array.from({ length: 14 }, (_, i) => item(`quote ${i}`)));
    const { payload, pages } = await messageFor(many, 'quote', { speaker: 'Stubb' }, 0, store);
    expect(pages).toBe(3);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.flags).toBeUndefined();
    const [prev, next] = payload.components[0]?.components ?? [];
    expect(prev?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);
    expect(next && 'custom_id' in next ? next.custom_id : '').toBe('pg:quote:1:speaker=Stubb');
    const missing = await messageFor(notFound('No quotes from "Stub".', ['Alexander Stubb']), 'quote', {}, 0, store);
    expect(missing.payload.flags).toBe(64);
    expect(missing.payload.embeds[0]?.description).toContain('Did you mean **Alexander Stubb**?');
  });

  it('keeps long page state in the store and round-trips it; foreign ids are recognised', async () => {
    const options = { speaker: 'Alexander Stubb', contains: 'x'.repeat(90), kind: 'direct' };
    const id = await encodePageState({ command: 'quote', page: 2, options }, store);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toMatch(/^pg:quote:2:#/);
    expect(await decodePageState(id, store)).toEqual({ ok: true, state: { command: 'quote', page: 2, options } });
    expect(await decodePageState('pg:quote:1:#nothing-here', store)).toEqual({ ok: false, reason: 'expired' });
    expect(await decodePageState('vote:yes', store)).toEqual({ ok: false, reason: 'foreign' });
  });
});

describe('command definitions', () => {
  it('are valid for Discord and stable', () => {
    const data = COMMANDS.map(commandData);
    expect(data.map((d) => d.name)).toEqual(['quote', 'event', 'timeline', 'summary', 'search', 'speakers', 'sections', 'documents', 'quiz', 'config', 'library', 'digest', 'help']);
    const quote = data[0];
    expect(quote?.options?.find((o) => o.name === 'speaker')).toMatchObject({ required: true, autocomplete: true });
    expect(commandsHash(data)).toBe(commandsHash(COMMANDS.map(commandData)));
    expect(commandsHash(data.slice(1))).not.toBe(commandsHash(data));
  });
});
