import { describe, expect, it } from 'vitest';
import { analyse, blockList as blocks, quoteList } from '../helpers.ts';

describe('block quotes in plain text', () => {
  it('starts after an introducing line that names a publication and ends where the author speaks again', () => {
    const text = [
      'The harbour strike is in its third week.',
      'As the Guardian reported on Monday:',
      'Dock workers walked out after talks on pay collapsed. Ships are queueing in the estuary.',
      'The union wants a rise of twelve percent over two years.',
      'I think both sides are bluffing. Why would anyone believe them?',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 The Guardian: Dock workers walked out after talks on pay collapsed. Ships are queueing in the estuary.',
      '4 The Guardian: The union wants a rise of twelve percent over two years.',
    ]);
  });

  it('reads a citation line "Title ( archived) - Publisher" and goes on over elisions', () => {
    const text = [
      'Here is what the paper found:',
      'Drought Empties the Reservoirs of Spain ( archived) - Financial Times',
      'The reservoirs of Andalusia hold a fifth of their capacity.',
      '...',
      'Farmers have cut planting by a third this year.',
      '...',
      'Water trucks now supply forty villages.',
      'That statement is an understatement, in my view.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      '3 Financial Times: The reservoirs of Andalusia hold a fifth of their capacity.',
      '5 Financial Times: Farmers have cut planting by a third this year.',
      '7 Financial Times: Water trucks now supply forty villages.',
    ]);
  });

  it('takes the author from "Title - Author / Publisher"', () => {
    const text = ['An old friend has written:', 'Why Cities Need Trees - Nora Lind / The Atlantic', 'Shade lowers street temperatures by several degrees.'].join('\n');
    expect(blocks(text)).toEqual(['3 Nora Lind: Shade lowers street temperatures by several degrees.']);
  });

  it('names the author introduced as "an op-ed by <role> <Name> in the <Publication>:"', () => {
    const text = [
      'The pressure is mounting, as shown by an op-ed by former Finance Minister Lars Eriksen in the Financial Review:',
      'Europe cannot borrow its way out of this. Budgets must be cut now.',
      'Do we really believe this?',
    ].join('\n');
    const a = analyse(text);
    expect(quoteList(a, 'block')).toEqual(['Lars Eriksen: Europe cannot borrow its way out of this. Budgets must be cut now.']);
    expect(a.quotes[0]?.role).toBeNull();
    expect(a.speakers[0]?.roles).toContain('former Finance Minister');
  });

  it('does not make a block from a colon line that names no source and introduces a list of facts', () => {
    const text = ['I have three points to make:', 'First, I disagree with the plan.', 'Second, I think it costs too much.'].join('\n');
    expect(blocks(text)).toEqual([]);
  });

  it('keeps an excerpt of five paragraphs whole, but does not let an uncited block run on for ever', () => {
    const lines = (n: number) => ['As Reuters reported:', ...Array.from({ length: n }, (_, i) => `Shipping rates rose for the ${i + 1}th week running in Asia.`)];
    expect(blocks(lines(5).join('\n'))).toHaveLength(5);
    expect(blocks(lines(12).join('\n'))).toHaveLength(5);
  });
});

describe('marked-up block quotes', () => {
  it('reads a Markdown "> …" quote with a "— Name" attribution line', () => {
    const md = ['# Notes', '', 'The speech ended like this:', '', '> We choose to go to the Moon in this decade.', '> Not because it is easy.', '> — John F. Kennedy', '', 'It still moves people.'].join('\n');
    const a = analyse(md, 'md');
    expect(quoteList(a, 'block')).toEqual(['John F. Kennedy: We choose to go to the Moon in this decade. Not because it is easy.']);
    expect(a.quotes[0]?.line).toBe(5);
  });

  it('reads an HTML <blockquote cite> with the cite as the source', () => {
    const html = [
      '<html><body>',
      '<p>The editorial was blunt.</p>',
      '<blockquote cite="The Irish Times">',
      '<p>The housing crisis is a failure of policy, not of markets.</p>',
      '</blockquote>',
      '<p>I agree with them.</p>',
      '</body></html>',
    ].join('\n');
    const a = analyse(html, 'html');
    expect(quoteList(a, 'block')).toEqual(['The Irish Times: The housing crisis is a failure of policy, not of markets.']);
    expect(a.quotes[0]?.line).toBe(4);
  });

  it('takes the source of a <blockquote> from its <footer><cite> when there is no attribute', () => {
    const html = '<blockquote>\n<p>Every dollar spent on prevention saves four on repairs.</p>\n<footer>- <cite>Maria Santos</cite></footer>\n</blockquote>';
    expect(quoteList(analyse(html, 'html'), 'block')).toEqual(['Maria Santos: Every dollar spent on prevention saves four on repairs.']);
  });
});
