import type { Command } from './command.ts';
import { config } from './config.ts';
import { digest } from './digest.ts';
import { event } from './event.ts';
import { helpCommand } from './help.ts';
import { documents, sections, speakers } from './lists.ts';
import { library } from './library.ts';
import { quiz } from './quiz.ts';
import { quote } from './quote.ts';
import { search } from './search.ts';
import { summary } from './summary.ts';
import { timeline } from './timeline.ts';

export const COMMANDS: Command[] = [quote, event, timeline, summary, search, speakers, sections, documents, quiz, config, library, digest];
COMMANDS.push(helpCommand(() => COMMANDS));

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name.toLowerCase());
}
