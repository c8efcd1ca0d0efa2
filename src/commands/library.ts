import { MAX_UPLOAD_BYTES } from '../library/library.ts';
import { answer, invalid, privately, type Reply } from '../reply/reply.ts';
import { clip, SUBCOMMAND, type Choice, type Command, type CommandContext } from './command.ts';
import { requireModerator } from './config.ts';


async function add(ctx: CommandContext, title?: string, date?: string): Promise<Reply> {
  const { invoker, services } = ctx;
  const file = ctx.attachments?.file;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  if (!file) return invalid('Attach a .txt, .md or .html file to `file`.');
  if (file.size > MAX_UPLOAD_BYTES) return invalid(`That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  let bytes: Uint8Array;
  try {
    bytes = await services.fetchAttachment(file, MAX_UPLOAD_BYTES);
  } catch (error) {
    return invalid(`I could not download that file (${(error as Error).message}). Please try again.`);
  }
  const result = await services.library.add(invoker.guildId, invoker.userId, { name: file.name, bytes, ...(title ? { title } : {}), ...(date ? { date } : {}) });
  if (!result.ok) return invalid(result.message);
  services.corpus.addUploads([result.doc]);
  const doc = services.corpus.query.documents({ document: result.record.id })[0];
  return privately(
    answer('Added to the reading list', [
      {
        heading: result.record.title,
        text: `${result.record.file} · ${result.record.published ?? 'undated'} · ${doc?.quotes.length ?? 0} quotes, ${doc?.events.length ?? 0} events, ${doc?.sections.length ?? 0} sections`,
      },
    ]),
  );
}

async function list(ctx: CommandContext): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const settings = await services.settings.get(invoker.guildId);
  const disabled = new Set(settings.disabledDocuments);
  const uploads = await services.library.list(invoker.guildId);
  const items = [
    ...services.corpus.bundled().map((d) => ({ heading: d.title, text: `bundled · ${d.file} · ${disabled.has(d.id) ? 'off' : 'on'}` })),
    ...uploads.map((u) => ({ heading: u.title, text: `uploaded by <@${u.addedBy}> · ${u.file} · ${u.published ?? 'undated'}` })),
  ];
  if (!items.length) return privately(answer('Reading list', [{ text: 'Empty. Add a file with /library add.' }]));
  return privately(answer('Reading list', items, `${items.length - disabled.size} of ${items.length} documents are read in this server.`));
}

async function remove(ctx: CommandContext, id: string): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const uploads = await services.library.list(invoker.guildId);
  const target = uploads.find((u) => u.id === id) ?? uploads.find((u) => u.title.toLowerCase() === id.toLowerCase() || u.file.toLowerCase() === id.toLowerCase());
  if (!target) return invalid(`This server has no upload called "${clip(id, 80)}". See /library list.`);
  await services.library.remove(invoker.guildId, target.id);
  services.corpus.removeUpload(target.id);
  return privately(answer('Removed from the reading list', [{ heading: target.title, text: target.file }]));
}

async function toggle(ctx: CommandContext, idOrTitle: string, on: boolean): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const q = idOrTitle.trim().toLowerCase();
  const doc = services.corpus.bundled().find((d) => d.id.toLowerCase() === q || d.file.toLowerCase() === q || d.title.toLowerCase() === q);
  if (!doc) return invalid(`No bundled document is called "${clip(idOrTitle, 80)}". See /library list.`);
  await services.settings.update(
    invoker.guildId,
    { id: invoker.userId, name: invoker.userName },
    `document ${doc.file}`,
    (s) => ({ ...s, disabledDocuments: on ? s.disabledDocuments.filter((d) => d !== doc.id) : [...new Set([...s.disabledDocuments, doc.id])] }),
    (s) => (s.disabledDocuments.includes(doc.id) ? 'off' : 'on'),
  );
  return privately(answer(on ? 'Document switched on' : 'Document switched off', [{ heading: doc.title, text: on ? 'Members’ questions read it again.' : 'Members’ questions no longer read it.' }]));
}

const documentOption = (description: string) => ({ name: 'document', description, type: 'string' as const, required: true, autocomplete: true, maxLength: 200 });

export const library: Command = {
  name: 'library',
  description: 'This server’s reading list (moderators)',
  options: [],
  moderatorOnly: true,
  subcommands: [
    {
      name: 'add',
      description: 'Add a document (.txt, .md or .html, up to 2 MB)',
      options: [
        { name: 'file', description: 'The document', type: 'attachment', required: true },
        { name: 'title', description: 'Its title (otherwise read from the file)', type: 'string', maxLength: 200 },
        { name: 'date', description: 'Its publication date, e.g. 2025-09-04', type: 'string', maxLength: 40 },
      ],
    },
    { name: 'list', description: 'The documents this server reads', options: [] },
    { name: 'remove', description: 'Remove an uploaded document', options: [documentOption('The upload to remove')] },
    { name: 'disable', description: 'Stop reading a bundled document in this server', options: [documentOption('A bundled document')] },
    { name: 'enable', description: 'Read a bundled document again', options: [documentOption('A bundled document')] },
  ],
  async run(ctx, options) {
    const denied = requireModerator(ctx);
    if (denied) return denied;
    const sub = options[SUBCOMMAND] ?? '';
    if (sub === 'add') return add(ctx, options.title, options.date);
    if (sub === 'list') return list(ctx);
    if (sub === 'remove') return remove(ctx, options.document ?? '');
    if (sub === 'disable' || sub === 'enable') return toggle(ctx, options.document ?? '', sub === 'enable');
    return invalid('Use `/library add`, `/library list`, `/library remove`, `/library disable` or `/library enable`.');
  },
  async autocomplete(ctx, _option, value, options) {
    const { invoker, services } = ctx;
    if (!invoker || !services) return [];
    const q = value.trim().toLowerCase();
    const match = (title: string, file: string) => !q || title.toLowerCase().includes(q) || file.toLowerCase().includes(q);
    let choices: Choice[];
    if (options[SUBCOMMAND] === 'remove') {
      choices = (await services.library.list(invoker.guildId)).filter((u) => match(u.title, u.file)).map((u) => ({ name: clip(`${u.title} (${u.file})`, 100), value: u.id }));
    } else choices = services.corpus.bundled().filter((d) => match(d.title, d.file)).map((d) => ({ name: clip(`${d.title} (${d.file})`, 100), value: d.id }));
    return choices.filter((c) => c.value.length <= 100).slice(0, 25);
  },
};
