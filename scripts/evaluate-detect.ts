import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '../src/core/localise';
import { decodeImageFile } from './lib/decode-file';
import { matchDetections } from './lib/detection-metrics';
import { fail } from './lib/fail';
import { readVocBoxes } from './lib/voc';

/** Recall and precision of the white-cell finder against BCCD's VOC boxes at IoU ≥ 0.5. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/bccd' },
      split: { type: 'string', default: 'test' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const data = values.data!;
  const listPath = join(data, 'ImageSets', 'Main', `${values.split}.txt`);
  if (!existsSync(listPath)) fail(`no image list at ${listPath}: --data must be a BCCD (VOC) folder`);
  const ids = (await readFile(listPath, 'utf8')).split(/\s+/).filter(Boolean);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const started = performance.now();
  for (const id of ids) {
    const image = await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`));
    const truth = await readVocBoxes(join(data, 'Annotations', `${id}.xml`), 'WBC');
    const found = findWhiteCells(image).cells.map((c) => c.box);
    const m = matchDetections(found, truth);
    tp += m.truePositives;
    fp += m.falsePositives;
    fn += m.falseNegatives;
    if (values.verbose && (m.falsePositives || m.falseNegatives)) {
      console.log(`${id}: ${m.truePositives} found, ${m.falsePositives} extra, ${m.falseNegatives} missed`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const recall = tp / (tp + fn);
  const precision = tp / Math.max(1, tp + fp);
  console.log(`split ${values.split}: ${ids.length} fields, ${tp + fn} white cells`);
  console.log(`recall@IoU0.5    ${recall.toFixed(3)} (${tp}/${tp + fn})`);
  console.log(`precision@IoU0.5 ${precision.toFixed(3)} (${tp}/${tp + fp})`);
  console.log(`time             ${((seconds * 1000) / ids.length).toFixed(1)} ms per field`);
}

main().catch((err: unknown) => fail((err as Error).message));
