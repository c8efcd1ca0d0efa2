// Hostile input for the fuzz suite (tests/hardening/fuzz-commands.test.ts): strings a careless, curious or
// malicious member could type into any option, and the option-shaped values each kind of option attracts.
import fc from 'fast-check';
import { SUBCOMMAND, type Command, type Options } from '../../src/commands/command.ts';
import type { OptionSpec } from '../../src/reply/option-spec.ts';

/** A plausible snowflake (17–19 digits, no leading zero), as Discord fills channel and role options. */
export const snowflakeArb = fc.bigInt({ min: 10n ** 16n, max: 2n ** 63n - 1n }).map(String);

export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD'];
export const BIDI = ['\u202E', '\u200F', '\u202D', '\u2066', '\u2067', '\u2069', '\u061C'];
export const MENTIONS = ['@everyone', '@here', '<@&123456789012345678>', '<@123456789012345678>', '<@!123456789012345678>', '<#123456789012345678>', '@\u200Beveryone', '<@&1>'];
export const MARKDOWN = [
  '**bold**',
  '__under__',
  '*',
  '_',
  '~~strike~~',
  '||spoiler||',
  '# Heading',
  '> quoted',
  '>>> block',
  '`code`',
  '```\ncode fence\n```',
  '```js\nconsole.log(1)',
  '```',
  '[link](https://example.com)',
  '\\',
  '\\`',
  '-# small',
  '<t:0:R>',
  '<:emoji:123456789012345678>',
  '%',
  '&',
  '=',
  '#',
  '%00',
  '\u0000',
];
/** Keys that live on every object's prototype: a lookup table indexed with them must not answer. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf'];
export const BAD_DATES = [
  'Feb-30',
  '0000-00-00',
  '9999',
  '2025-13-45',
  '2025-02-29',
  '2025-00-10',
  '31/31',
  '0/0',
  '00/00/0000',
  '-1',
  '0',
  '10000',
  '99999-01-01',
  '1e4',
  'Aug 32',
  'Smarch 1',
  'yesterday',
  '..',
  '2025-08-01..',
  'from to',
  'May to',
  '29 Feb 2023',
  'August 0',
  'Aug 1 - 45',
  '2025-08-29T10:00:00Z',
  '٢٠٢٥-٠٨-٢٩',
  '２０２５-０８-２９',
];
/** Half a range: read leniently as the one date given, so neither good nor bad. */
export const HALF_DATES = ['Aug 1 -', '- Aug 1', 'Aug 1 –', '2025-08-01 to'];
export const GOOD_DATES = ['Aug-29', '2025-08-29', 'August 2025', '2025', '1944', 'Aug 1 - Aug 31', '8/29', '29 Aug', '2025-08-01..2025-08-31', 'May to July 2025', '29/8', '29.08.2025', '1939-1944',
  // Ranges the wrong way round are read in order (and the answer says so).
  '2025-08-31..2025-08-01', 'Aug 31 - Aug 1'];
export const BAD_ZONES = ['Mars/Olympus', 'Mars/Olympus_Mons', 'UTC+99', 'UTC+3', 'GMT+25', 'Etc/GMT+99', '+99:00', '+05:00', 'Europe/', '/', '../../etc/passwd', 'Europe//Helsinki', 'Local', 'Z', ''];
export const GOOD_ZONES = ['UTC', 'Europe/Helsinki', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'europe/helsinki', 'Etc/GMT+5'];
export const BAD_TIMES = ['25:00', '24:00', '23:60', '-1:00', '8', '08', '08:0', '08:000', '08:00:00', '8h', 'noon', '٠٨:٠٠', '０８:００', '08：00', ' : ', '99:99', '1e1:00'];
export const GOOD_TIMES = ['08:00', '7:30', '23:59', '00:00'];
export const BAD_SNOWFLAKES = [
  '0',
  '-1',
  'abc',
  '1234',
  '1'.repeat(21),
  '99999999999999999999',
  '18446744073709551616',
  '00000000000000000',
  '<#123456789012345678>',
  '<@&123456789012345678>',
  '123456789012345678abc',
  '１２３４５６７８９０１２３４５６７８',
  '1.23456789012345678e17',
  '0x1B69B4BA630F34E',
  '-123456789012345678',
];
export const BAD_NUMBERS = ['', ' ', '-1', '24', '1.5', '1e1', '0x10', 'NaN', 'Infinity', '-0', '6 hours', '9007199254740993', '٦'];
export const DAYS = ['weekdays', 'every day', 'weekends', 'mon,wed,fri', 'Monday Friday', 'mo', 'm', 'funday', 'mon,,', ',', 'sun;sat', 'every  day'];
export const PARTS = ['quote', 'on-this-day,section', 'quote section', 'quote,,', 'onthisday', 'QUOTE', ','];
export const SPEAKERS = ['Stubb', 'stubb', 'Alexander Stubb', 'Mr Stubb', 'FSB', 'NYT', 'Stub', 'the', 'said'];
export const DOCUMENTS = ['2025-09-04-security-guarantees.txt', 'security', 'guarantees', '.txt', 'uploads/', 'uploads/123456789012345678/abc/x.txt'];
export const SECTIONS = ['finlandization', 'ukraine', 'Finland', '2025-09-04-security-guarantees.txt#0', '2025-09-04-security-guarantees.txt#99', '#1', 'x#', 'steel porcupine'];
export const QUERIES = ['porcupine', 'steel porcupin', 'Stubb said', 'the', 'a', '"quoted"', 'AND OR NOT', '*'];
export const WEIRD_SUBCOMMANDS = [
  '',
  ' ',
  'set',
  'set ',
  'set  digest-time',
  'SET digest-time',
  'Show',
  'show extra',
  'set nope',
  'set digest-time extra',
  'reset __proto__',
  'set __proto__',
  'set constructor',
  'set toString',
  'set hasOwnProperty',
  'preview now',
  'add ../',
  'remove\n',
  ...PROTO_KEYS,
];

/** The same text padded to 6,000 characters, as someone pasting a whole article would. */
const sixThousand = (unit: string) => unit.repeat(Math.ceil(6000 / Math.max(1, unit.length))).slice(0, 6000);

const dictionary = fc.constantFrom(...ZERO_WIDTH, ...BIDI, ...MENTIONS, ...MARKDOWN, ...PROTO_KEYS, ...BAD_DATES, ...BAD_ZONES, ...BAD_TIMES, ...BAD_SNOWFLAKES);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any string someone could type, weighted towards the ones that break bots. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('a', ' ')), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '   ', '\t\n', '\n', '\r\n', '\u00A0', '\u3000') },
  { weight: 3, arbitrary: dictionary },
  // Several hostile pieces run together, with or without spaces.
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.oneof(dictionary, fc.string({ unit: 'binary', maxLength: 10 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' ', '\n')).map(([parts, sep]) => parts.join(sep)) },
  // 6,000 characters: one endless word, words with spaces, mentions, zero-width runs, fences, random code points.
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('a', 'word ', '@everyone ', '\u200B', '\u202Eabc ', '```\n', '**', 'ﷺ', '🏳️‍🌈', 'Stubb ', '2025-08-29 ').map(sixThousand),
      fc.string({ unit: 'binary', minLength: 20, maxLength: 40 }).map(sixThousand),
    ),
  },
);

/** A valid value dressed up: zero-width, right-to-left, mentions, Markdown or whitespace around or inside it. */
function decorated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const noise = fc.constantFrom('', ' ', '  ', '\n', ...ZERO_WIDTH, ...BIDI, ' @everyone', ' <@&123456789012345678>', '**', '`', '```');
  return fc.tuple(noise, valid, noise).map(([a, v, b]) => `${a}${v}${b}`);
}

/** Values aimed at one option: the accepted forms, near misses, and anything at all. */
function valuesFor(option: OptionSpec): fc.Arbitrary<string> {
  const mix = (...specific: string[][]) => {
    const known = specific.flat();
    return fc.oneof(
      { weight: 3, arbitrary: hostileString },
      ...(known.length ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: decorated(fc.constantFrom(...known)) }] : []),
    );
  };
  if (option.choices) return mix([...option.choices], option.choices.map((c) => c.toUpperCase()), PROTO_KEYS);
  if (option.type === 'channel' || option.type === 'role') return fc.oneof({ weight: 2, arbitrary: snowflakeArb }, { weight: 3, arbitrary: fc.constantFrom(...BAD_SNOWFLAKES) }, { weight: 2, arbitrary: hostileString });
  if (option.type === 'integer') return fc.oneof(fc.integer({ min: -50, max: 50 }).map(String), fc.constantFrom(...BAD_NUMBERS), hostileString);
  switch (option.name) {
    case 'date':
    case 'from':
    case 'to':
      return mix(BAD_DATES, GOOD_DATES, HALF_DATES);
    case 'zone':
      return mix(BAD_ZONES, GOOD_ZONES);
    case 'time':
      return mix(BAD_TIMES, GOOD_TIMES);
    case 'days':
      return mix(DAYS, PROTO_KEYS);
    case 'parts':
      return mix(PARTS, PROTO_KEYS);
    case 'speaker':
      return mix(SPEAKERS);
    case 'document':
      return mix(DOCUMENTS);
    case 'section':
      return mix(SECTIONS);
    case 'query':
    case 'contains':
      return mix(QUERIES);
    default:
      return mix([]);
  }
}

/** Every option of a command with the subcommand it belongs to (the command's own options under ''). */
export function invocationShapes(command: Command): Array<{ subcommand: string | undefined; options: OptionSpec[] }> {
  if (!command.subcommands?.length) return [{ subcommand: undefined, options: command.options }];
  return command.subcommands.map((s) => ({ subcommand: s.group ? `${s.group} ${s.name}` : s.name, options: s.options }));
}

/**
 * One invocation of a command as the router would pass it: a subcommand (now and then a weird one), each of
 * its options present or not with a hostile or option-shaped value, and now and then an option that belongs
 * to another subcommand.
 */
export function optionsArb(command: Command): fc.Arbitrary<Options> {
  const shapes = invocationShapes(command);
  const every = [...new Map(shapes.flatMap((s) => s.options).map((o) => [o.name, o])).values()];
  return fc
    .tuple(
      fc.constantFrom(...shapes),
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.option(fc.oneof(fc.constantFrom(...WEIRD_SUBCOMMANDS), hostileString), { nil: undefined }) }),
      fc.integer({ min: 0, max: 2 ** 30 }),
    )
    .chain(([shape, weird, salt]) => {
      const own = shape.options.map((o) => fc.option(valuesFor(o), { nil: undefined, freq: o.required ? 8 : 2 }).map((v) => [o.name, v] as const));
      const stray = every.length && salt % 5 === 0 ? [fc.constantFrom(...every).chain((o) => valuesFor(o).map((v) => [o.name, v] as const))] : [];
      return fc.tuple(...own, ...stray).map((pairs) => {
        const options: Options = {};
        for (const [name, value] of pairs) if (value !== undefined) options[name] = value;
        const sub = weird === null ? shape.subcommand : weird;
        if (sub !== undefined) options[SUBCOMMAND] = sub;
        return options;
      });
    });
}

/** Uploads a moderator might attach: fine, empty, binary, not UTF-8, huge, nested or broken HTML, odd names. */
export const attachmentArb = fc.record({
  name: fc.oneof(
    fc.constantFrom('notes.txt', 'notes.md', 'page.html', 'NOTES.TXT', '../../etc/passwd.txt', '..\\..\\win.ini.md', '.txt', 'noext', 'evil\u202Etxt.exe', 'a'.repeat(300) + '.md', '@everyone.txt', '<@&123456789012345678>.md', 'x.exe', 'con.txt', ''),
    hostileString.map((s) => `${s}.txt`),
  ),
  body: fc.constantFrom<'fine' | 'empty' | 'binary' | 'latin1' | 'huge' | 'nested' | 'broken-html' | 'mentions'>('fine', 'empty', 'binary', 'latin1', 'huge', 'nested', 'broken-html', 'mentions'),
  /** The size Discord declares; now and then a lie. */
  declared: fc.constantFrom<'true' | 'zero' | 'huge'>('true', 'true', 'true', 'zero', 'huge'),
});
export type AttachmentSpec = typeof attachmentArb extends fc.Arbitrary<infer T> ? T : never;

export function attachmentBytes(kind: AttachmentSpec['body']): Uint8Array {
  switch (kind) {
    case 'fine':
      return Buffer.from('"We will rebuild the pier before the summer," said Mayor Ann Lee on 3 March 2025.\n');
    case 'empty':
      return new Uint8Array(0);
    case 'binary':
      return Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    case 'latin1':
      return Buffer.from('Caf\xe9 na\xefve \xff\xfe', 'latin1');
    case 'huge':
      return Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
    case 'nested':
      return Buffer.from(`${'<div>'.repeat(5000)}<p>"Deep," said Ann Lee.</p>${'</div>'.repeat(5000)}`);
    case 'broken-html':
      return Buffer.from('<html><head><title>T</title><body><p>Unclosed <b>bold <i>and <blockquote cite="x">"Hi," said Bo.<script>alert(1)</script><!--');
    case 'mentions':
      return Buffer.from('Title: @everyone <@&123456789012345678>\n\n"Ping <@123456789012345678> and @here," said Eve Everyone.\n');
  }
}
