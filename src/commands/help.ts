import { answer } from '../reply/reply.ts';
import type { Command } from './command.ts';

const EXAMPLES: Record<string, string> = {
  quote: '/quote speaker:Stubb',
  event: '/event date:Aug-29',
  timeline: '/timeline from:2025-08-01 to:2025-08-31 picture:true',
  quiz: '/quiz question',
  summary: '/summary section:finlandization length:short',
  search: '/search query:porcupine',
  speakers: '/speakers',
  sections: '/sections',
  documents: '/documents',
  config: '/config show',
  library: '/library add file:notes.md',
  digest: '/digest preview',
};

/** A line to copy that shows the command at work. */
export function exampleOf(command: Command): string {
  return EXAMPLES[command.name] ?? `/${command.name}`;
}

/** Help lists the other commands; it is built from them so it never falls out of date. */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    description: 'What Lectern can answer, with examples',
    options: [],
    run() {
      return answer(
        'Lectern: ask the reading list',
        all()
          .filter((c) => c.name !== 'help')
          .map((c) => ({
            heading: `/${c.name}`,
            // The example stays a line to copy; who may run it is said beside it.
            text: `${c.description}. ${c.moderatorOnly ? 'In a Discord server' : 'Example'}: \`${exampleOf(c)}\``,
          })),
        'Every answer cites its document and line.',
      );
    },
  };
}
