// npm run train [-- --data DIR] [--out FILE] [--seed N] [--epochs N] [--beam N]: trains the attribution tagger on
// annotated news (PolNeAR's training split by default) and writes the model the engine loads. Seeded and
// deterministic: the same data and options give the same file. Another --seed measures how much of a difference
// between two designs is only the order the training saw the paragraphs in.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeModel } from '../corpus/attribution/model-file.ts';
import { DEFAULT_TRAIN_SETTINGS, trainAttributionModel, type AnnotatedDocument } from '../corpus/attribution/train.ts';

const SOURCE_MODEL_FILE = 'src/corpus/attribution/attribution.model';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const data = path.resolve(arg('--data', '../shared/dev/polnear-train'));
// The committed model in the sources, from the project's folder (where npm runs every script, and where --data's
// default is found too). Not the copy beside the compiled code: the next build replaces dist/'s from the sources.
const out = path.resolve(arg('--out', SOURCE_MODEL_FILE));
if (!existsSync(path.dirname(out))) {
  console.error(`${path.dirname(out)} does not exist: run \`npm run train\` in the project's folder, or name the model file with --out FILE.`);
  process.exit(2);
}
const count = (name: string, fallback: number): number => {
  const value = Number(arg(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} takes a whole number of at least 1 (got ${arg(name, '')}).`);
    process.exit(2);
  }
  return value;
};
const seed = count('--seed', DEFAULT_TRAIN_SETTINGS.seed);
const epochs = count('--epochs', DEFAULT_TRAIN_SETTINGS.epochs);
const beam = count('--beam', DEFAULT_TRAIN_SETTINGS.beam);

const docsDir = path.join(data, 'docs');
const goldDir = path.join(data, 'gold');
if (!existsSync(docsDir) || !existsSync(goldDir)) {
  console.error(`No training data: ${data} needs docs/ and gold/ (PolNeAR's training split is ../shared/dev/polnear-train). The committed model is kept.`);
  process.exit(2);
}

const docs: AnnotatedDocument[] = readdirSync(docsDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .flatMap((name) => {
    const goldFile = path.join(goldDir, name.replace(/\.txt$/, '.json'));
    if (!existsSync(goldFile)) return [];
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { quotes: AnnotatedDocument['attributions'] };
    return [{ file: name, raw: readFileSync(path.join(docsDir, name), 'utf8'), attributions: gold.quotes }];
  });

const started = performance.now();
console.log(`Training on ${docs.length} documents from ${data} …`);
const model = trainAttributionModel(docs, {
  ...DEFAULT_TRAIN_SETTINGS,
  seed,
  epochs,
  beam,
  trainedOn: path.basename(data),
  onEpoch: (epoch, errors, tokens) => console.log(`  epoch ${epoch}: ${((errors / tokens) * 100).toFixed(1)}% of ${tokens} tokens mislabelled`),
});
const bytes = encodeModel(model);
writeFileSync(out, bytes);
console.log(`Wrote ${out} (${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${model.cues.size} cue words, ${model.speechCues.size} speech words) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
