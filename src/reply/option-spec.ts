// What a command asks, as its answer (reply.ts) is what it says: no Discord types, so the setting definitions
// below the commands can describe their own option.

/** A command option as users see it; the Discord layer turns these into builders, the console parses them. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean' | 'channel' | 'role' | 'attachment';
  required?: boolean;
  choices?: readonly string[];
  autocomplete?: boolean;
  maxLength?: number;
}
