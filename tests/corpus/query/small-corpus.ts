// Two short documents written for the query tests, analysed as uploads are: what each module is asked about.
import { analyseDocument } from '../../../src/corpus/analyse.ts';
import { assembleIndex } from '../../../src/corpus/index/build-index.ts';
import type { CorpusIndex } from '../../../src/corpus/index/types.ts';
import { parseDocument } from '../../../src/corpus/load/load-file.ts';
import type { DocumentAnalysis } from '../../../src/corpus/types.ts';

export const HARBOUR = [
  'The harbour strike began on 3 March 2024, the Harbour Gazette reported.',
  '"We will not go back until the pay is fair," said Maria Lind, a union leader.',
  'On 5 March 2024 the port closed. Lind said the pickets would stay.',
].join('\n\n');

export const MILL = [
  'A fire destroyed the old paper mill on 5 March 2023.',
  '"The mill had stood empty for a decade," said John Berg, the mayor of Riverton.',
  'In 1998 the mill was sold to a bank.',
].join('\n\n');

export function analysed(id: string, text: string): DocumentAnalysis {
  return analyseDocument(parseDocument(id, id, 'txt', text));
}

/** A fresh index of the two documents (each test may change its own). */
export function smallIndex(): CorpusIndex {
  return assembleIndex([analysed('harbour.txt', HARBOUR), analysed('mill.txt', MILL)], 'test');
}
