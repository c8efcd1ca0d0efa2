// Discord draws a reply's typed parts as its own mentions and timestamps, exactly as the commands once wrote them.
import { describe, expect, it } from 'vitest';
import { discordText } from '../../src/discord/draw-spans.ts';
import { channel, rich, role, time, user } from '../../src/reply/rich-text.ts';

describe('typed parts in Discord', () => {
  it('are channel, role and user mentions and timestamps', () => {
    const at = Date.parse('2026-08-29T05:00:00Z');
    expect(discordText(rich('posts in ', channel('400000000000000004'), ' within a minute'))).toBe('posts in <#400000000000000004> within a minute');
    expect(discordText([role('300000000000000003')])).toBe('<@&300000000000000003>');
    expect(discordText(rich('by ', user('200000000000000001', 'mod')))).toBe('by <@200000000000000001> (mod)');
    expect(discordText(rich('by ', user('200000000000000001')))).toBe('by <@200000000000000001>');
    expect(discordText(rich('(', time(at, 'relative', 'Europe/Helsinki'), ')'))).toBe(`(<t:${at / 1000}:R>)`);
    expect(discordText([time(at + 999, 'full', 'UTC')])).toBe(`<t:${at / 1000}:f>`);
  });

  it('leave plain text as it is', () => {
    expect(rich('a', '', 'b')).toBe('ab');
    expect(discordText('**bold** `code`')).toBe('**bold** `code`');
  });
});
