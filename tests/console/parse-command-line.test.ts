// A typed line ("/quote speaker:Alexander Stubb kind:direct") to a command and its options, checked as Discord
// checks a slash command: known options only, required ones present, choices and lengths respected.
import { describe, expect, it } from 'vitest';
import { SUBCOMMAND, type Options } from '../../src/commands/command.ts';
import { parseCommandLine } from '../../src/console/parse-command-line.ts';

const COMMAND_LIST = '/quote, /event, /timeline, /summary, /search, /speakers, /sections, /documents, /quiz, /config, /library, /digest, /help';

/** The command and options of a line that parses; fails the test with the message of one that does not. */
function parsed(line: string): [string, Options] {
  const result = parseCommandLine(line);
  if (!result.ok) throw new Error(`${line}: ${result.message}`);
  return [result.command.name, result.options];
}

/** The message (and the command, when there is one) of a line that does not parse. */
function refused(line: string): { command?: string; message: string } {
  const result = parseCommandLine(line);
  if (result.ok) throw new Error(`${line} parsed as /${result.command.name}`);
  return { ...(result.command ? { command: result.command.name } : {}), message: result.message };
}

describe('options', () => {
  it('reads each option up to the next, values with spaces included', () => {
    expect(parsed('/quote speaker:Alexander Stubb kind:direct')).toEqual(['quote', { speaker: 'Alexander Stubb', kind: 'direct' }]);
    expect(parsed('/quote kind:block speaker:Stubb contains:the wall')).toEqual(['quote', { kind: 'block', speaker: 'Stubb', contains: 'the wall' }]);
  });

  it('trims the line and each value, and takes the command name in any case, with or without the slash', () => {
    expect(parsed('  /search   query:  harbour wall   ')).toEqual(['search', { query: 'harbour wall' }]);
    expect(parsed('quote speaker:Stubb')).toEqual(['quote', { speaker: 'Stubb' }]);
    expect(parsed('/QUOTE speaker:Stubb')).toEqual(['quote', { speaker: 'Stubb' }]);
  });

  it('leaves colons inside a value alone: one not followed at once by a value, one not after a space, a URL', () => {
    expect(parsed('/search query:porcupine: steel')).toEqual(['search', { query: 'porcupine: steel' }]);
    expect(parsed('/search query:note:this')).toEqual(['search', { query: 'note:this' }]);
    expect(parsed('/search query:https://example.org porcupine')).toEqual(['search', { query: 'https://example.org porcupine' }]);
    expect(parsed('/library add url:https://example.org/a title:A: the story')).toEqual([
      'library',
      { [SUBCOMMAND]: 'add', url: 'https://example.org/a', title: 'A: the story' },
    ]);
  });

  it('refuses an option the command does not have, even in another case, naming the ones it has', () => {
    const accepted = 'Options: speaker, document, contains, kind, e.g. `/quote speaker:Stubb`.';
    expect(refused('/quote speaker:Stubb type:direct')).toEqual({ command: 'quote', message: `\`type\` is not an option of /quote. ${accepted}` });
    expect(refused('/quote speaker:Stubb Speaker:x')).toEqual({ command: 'quote', message: `\`Speaker\` is not an option of /quote. ${accepted}` });
    expect(refused('/search query:a note:this').message).toBe('`note` is not an option of /search. Options: query, document, e.g. `/search query:porcupine`.');
  });

  it('asks for the option name when words come before it', () => {
    expect(refused('/quote Stubb')).toEqual({
      command: 'quote',
      message: 'Name the option, e.g. `/quote speaker:Stubb`. Options: speaker, document, contains, kind.',
    });
    expect(refused('/search harbour query:wall').message).toBe('Name the option, e.g. `/search query:harbour`. Options: query, document.');
    expect(refused('/help extra')).toEqual({ command: 'help', message: '/help takes no options, e.g. `/help`.' });
  });
});

describe('what Discord would refuse', () => {
  it('a required option missing or empty', () => {
    const needs = '/quote needs `speaker`: Who said it (name, surname or alias).';
    expect(refused('/quote kind:direct').message).toBe(needs);
    expect(refused('/quote speaker:').message).toBe(needs);
    expect(refused('/quote').message).toBe(needs);
  });

  it('a value outside the choices, or a true/false option given anything else', () => {
    expect(refused('/quote speaker:Stubb kind:shouted').message).toBe('`kind` must be one of direct, indirect, block.');
    expect(refused('/quote speaker:Stubb kind:Direct').message).toBe('`kind` must be one of direct, indirect, block.');
    expect(refused('/timeline picture:yes').message).toBe('`picture` must be true or false.');
    expect(parsed('/timeline picture:true')).toEqual(['timeline', { picture: 'true' }]);
    expect(parsed('/timeline picture:false')).toEqual(['timeline', { picture: 'false' }]);
  });

  it('a value longer than the option allows (60 characters for a date)', () => {
    expect(parsed(`/event date:${'9'.repeat(60)}`)).toEqual(['event', { date: '9'.repeat(60) }]);
    expect(refused(`/event date:${'9'.repeat(61)}`).message).toBe('`date` is too long (at most 60 characters).');
  });
});

describe('subcommands', () => {
  it('are the first word, in any case; without one, the first subcommand', () => {
    expect(parsed('/quiz scores')).toEqual(['quiz', { [SUBCOMMAND]: 'scores' }]);
    expect(parsed('/quiz Scores')).toEqual(['quiz', { [SUBCOMMAND]: 'scores' }]);
    expect(parsed('/quiz')).toEqual(['quiz', { [SUBCOMMAND]: 'question' }]);
    expect(parsed('/quiz document:harbour')).toEqual(['quiz', { [SUBCOMMAND]: 'question', document: 'harbour' }]);
    expect(parsed('/config digest state:on')).toEqual(['config', { [SUBCOMMAND]: 'digest', state: 'on' }]);
  });

  it('take their own options, not another subcommand’s', () => {
    const scores = refused('/quiz scores document:harbour');
    expect(scores.command).toBe('quiz');
    expect(scores.message).toBe('`document` is not an option of /quiz scores. /quiz scores takes no options, e.g. `/quiz scores`.');
    expect(refused('/library remove').message).toBe('/library remove needs `document`: The upload to remove.');
  });

  it('are named in what is refused, with the command’s example only where it is one of theirs', () => {
    expect(refused('/quiz scores extra').message).toBe('/quiz scores takes no options, e.g. `/quiz scores`.');
    expect(refused('/quiz question speaker:Stubb').message).toBe('`speaker` is not an option of /quiz question. Options: document, e.g. `/quiz question`.');
    // Without a subcommand word, the one chosen for the line is named.
    expect(refused('/quiz speaker:Stubb').message).toBe('`speaker` is not an option of /quiz question. Options: document, e.g. `/quiz question`.');
    expect(refused('/quiz question security').message).toBe('Name the option, e.g. `/quiz question document:security`. Options: document.');
    expect(refused('/library remove notes.md').message).toBe('Name the option, e.g. `/library remove document:notes.md`. Options: document.');
    expect(refused('/library remove file:notes.md').message).toBe('`file` is not an option of /library remove. Options: document.');
    expect(refused('/library add title:x speaker:y').message).toBe('`speaker` is not an option of /library add. Options: file, url, title, date, e.g. `/library add file:notes.md`.');
  });

  it('refuse a word that is not one of them, listing those there are', () => {
    expect(refused('/quiz top')).toEqual({ command: 'quiz', message: '/quiz is one of `/quiz question`, `/quiz scores`.' });
  });
});

describe('lines that name no command', () => {
  it('list the commands there are', () => {
    expect(refused('')).toEqual({ message: `Type a command such as \`/quote speaker:Stubb\`. Commands: ${COMMAND_LIST}.` });
    expect(refused('???')).toEqual({ message: `Type a command such as \`/quote speaker:Stubb\`. Commands: ${COMMAND_LIST}.` });
    expect(refused('/nosuch speaker:x')).toEqual({ message: `There is no /nosuch command. Commands: ${COMMAND_LIST}.` });
  });
});
