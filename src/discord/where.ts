import type { Attachment } from '../commands/command.ts';

/** Who asks, and where, as the Discord layer saw it: what the app makes a command's context from. */
export interface Where {
  guildId: string | null;
  userId: string;
  userName: string;
  /** The member has Manage Server in this server. */
  canManageGuild: boolean;
  roleIds: readonly string[];
  attachments?: Record<string, Attachment>;
}
