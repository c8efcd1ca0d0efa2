import { clip } from '../reply/clip.ts';
import { fileNameForLink, LIBRARY_FULL, MAX_UPLOAD_BYTES, MAX_UPLOADS_PER_SERVER, SUPPORTED } from '../library/library.ts';
import { answer, invalid, privately, type Reply } from '../reply/reply.ts';
import { rich, user } from '../reply/rich-text.ts';
import { MAX_CHOICES, SUBCOMMAND, type Choice, type Options } from './command.ts';
import { actorOf, forModerators } from './moderator.ts';
import type { ServerCommand, ServerContext } from './server-command.ts';
import { bySubcommand } from './subcommands.ts';

const LINK_RULE = 'A link must be the public http or https address of a web article, e.g. https://example.org/news/story.';

/** The document's bytes and name: an attached file, or the web page a link leads to. */
async function fetchInput({ attachments, services }: ServerContext, link?: string): Promise<{ name: string; bytes: Uint8Array; url?: string } | Reply> {
  const file = attachments?.file;
  if (file && link) return invalid('Give a file or a link, not both.');
  if (link) {
    const page = await services.fetchPage(link);
    if (!page.ok) return invalid(`I could not add that link: ${page.reason}. ${LINK_RULE}`);
    return { name: fileNameForLink(page.url), bytes: page.bytes, url: page.url };
  }
  if (!file) return invalid(`Attach a ${SUPPORTED} file to \`file\`, or give a link to an article in \`url\`.`);
  if (file.size > MAX_UPLOAD_BYTES) return invalid(`That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  try {
    return { name: file.name, bytes: await services.fetchAttachment(file, MAX_UPLOAD_BYTES) };
  } catch (error) {
    return invalid(`I could not download that file (${(error as Error).message}). Please try again.`);
  }
}

async function add(ctx: ServerContext, { url: link, title, date }: Options): Promise<Reply> {
  const { invoker, services } = ctx;
  // A full reading list is said before anything is downloaded (the library checks again as it adds).
  if ((await services.library.list(invoker.guildId)).length >= MAX_UPLOADS_PER_SERVER) return invalid(LIBRARY_FULL);
  const input = await fetchInput(ctx, link);
  if ('kind' in input) return input;
  const result = await services.library.add(invoker.guildId, invoker.userId, { ...input, ...(title ? { title } : {}), ...(date ? { date } : {}) });
  if (!result.ok) return invalid(result.message);
  services.corpus.addUploads([result.doc]);
  const doc = services.corpus.query.documents({ document: result.record.id })[0];
  return privately(
    answer('Added to the reading list', [
      {
        heading: result.record.title,
        text: `${result.record.url ?? result.record.file} · ${result.record.published ?? 'undated'} · ${doc?.quotes.length ?? 0} quotes, ${doc?.events.length ?? 0} events, ${doc?.sections.length ?? 0} sections`,
      },
    ]),
  );
}

async function list({ invoker, services }: ServerContext): Promise<Reply> {
  const settings = await services.settings.get(invoker.guildId);
  const disabled = new Set(settings.disabledDocuments);
  const uploads = await services.library.list(invoker.guildId);
  const items = [
    ...services.corpus.bundled().map((d) => ({ heading: d.title, text: `bundled · ${d.file} · ${disabled.has(d.id) ? 'off' : 'on'}` })),
    ...uploads.map((u) => ({ heading: u.title, text: rich(`${u.url ? 'linked' : 'uploaded'} by `, user(u.addedBy), ` · ${u.url ?? u.file} · ${u.published ?? 'undated'}`) })),
  ];
  if (!items.length) return privately(answer('Reading list', [{ text: 'Empty. Add a file with /library add.' }]));
  return privately(answer('Reading list', items, `${items.length - disabled.size} of ${items.length} documents are read in this server.`));
}

async function remove({ invoker, services }: ServerContext, { document: id = '' }: Options): Promise<Reply> {
  const uploads = await services.library.list(invoker.guildId);
  const target = uploads.find((u) => u.id === id) ?? uploads.find((u) => u.title.toLowerCase() === id.toLowerCase() || u.file.toLowerCase() === id.toLowerCase());
  if (!target) return invalid(`This server has no upload called "${clip(id, 80)}". See /library list.`);
  await services.library.remove(invoker.guildId, target.id);
  services.corpus.removeUpload(target.id);
  return privately(answer('Removed from the reading list', [{ heading: target.title, text: target.file }]));
}

/** `/library enable` and `/library disable`: whether this server reads a bundled document. */
const toggle = (on: boolean) => async ({ invoker, services }: ServerContext, { document: idOrTitle = '' }: Options): Promise<Reply> => {
  const q = idOrTitle.trim().toLowerCase();
  const doc = services.corpus.bundled().find((d) => d.id.toLowerCase() === q || d.file.toLowerCase() === q || d.title.toLowerCase() === q);
  if (!doc) return invalid(`No bundled document is called "${clip(idOrTitle, 80)}". See /library list.`);
  await services.settings.update(
    invoker.guildId,
    actorOf(invoker),
    `document ${doc.file}`,
    (s) => ({ ...s, disabledDocuments: on ? s.disabledDocuments.filter((d) => d !== doc.id) : [...new Set([...s.disabledDocuments, doc.id])] }),
    (s) => (s.disabledDocuments.includes(doc.id) ? 'off' : 'on'),
  );
  return privately(answer(on ? 'Document switched on' : 'Document switched off', [{ heading: doc.title, text: on ? 'Members’ questions read it again.' : 'Members’ questions no longer read it.' }]));
};

const documentOption = (description: string) => ({ name: 'document', description, type: 'string' as const, required: true, autocomplete: true, maxLength: 200 });

export const library: ServerCommand = {
  name: 'library',
  description: 'This server’s reading list (moderators)',
  options: [],
  moderatorOnly: true,
  needsServer: true,
  subcommands: [
    {
      name: 'add',
      description: 'Add a document (.txt, .md, .html, .pdf, .epub, .docx, up to 2 MB) or an article by link',
      options: [
        { name: 'file', description: 'The document', type: 'attachment' },
        { name: 'url', description: 'Or a link to a web article (https://…)', type: 'string', maxLength: 2000 },
        { name: 'title', description: 'Its title (otherwise read from the file)', type: 'string', maxLength: 200 },
        { name: 'date', description: 'Its publication date, e.g. 2025-09-04', type: 'string', maxLength: 40 },
      ],
    },
    { name: 'list', description: 'The documents this server reads', options: [] },
    { name: 'remove', description: 'Remove an uploaded document', options: [documentOption('The upload to remove')] },
    { name: 'disable', description: 'Stop reading a bundled document in this server', options: [documentOption('A bundled document')] },
    { name: 'enable', description: 'Read a bundled document again', options: [documentOption('A bundled document')] },
  ],
  run: forModerators(
    bySubcommand({ add, list, remove, disable: toggle(false), enable: toggle(true) }, () =>
      invalid('Use `/library add`, `/library list`, `/library remove`, `/library disable` or `/library enable`.'),
    ),
  ),
  async autocomplete({ invoker, services }, _option, value, options) {
    const q = value.trim().toLowerCase();
    const match = (title: string, file: string) => !q || title.toLowerCase().includes(q) || file.toLowerCase().includes(q);
    let choices: Choice[];
    if (options[SUBCOMMAND] === 'remove') {
      choices = (await services.library.list(invoker.guildId)).filter((u) => match(u.title, u.file)).map((u) => ({ name: clip(`${u.title} (${u.file})`, 100), value: u.id }));
    } else choices = services.corpus.bundled().filter((d) => match(d.title, d.file)).map((d) => ({ name: clip(`${d.title} (${d.file})`, 100), value: d.id }));
    return choices.filter((c) => c.value.length <= 100).slice(0, MAX_CHOICES);
  },
};
