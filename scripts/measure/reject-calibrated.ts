import { parseArgs } from 'node:util';
import { cropToInput } from '@/core/cell-crop';
import { keptAsWhiteCells } from '@/core/not-white-cell';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { readFolderImages } from '../lib/calibrated-evaluation';
import { fail } from '../lib/fail';

/**
 * The "not a white cell" reject on a calibrated reading: a case calibration changes the trunk's
 * features the reject reads. Calibrates on all the folder's cells as one case (no label read)
 * and counts the images whose every box the reject drops, shipped and calibrated.
 *   npx tsx scripts/measure/reject-calibrated.ts [-- --data ../shared/data/lisc/eval]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/lisc/eval' },
      model: { type: 'string', default: 'public/model' },
    },
  });
  const classifier = await loadNodeClassifier(values.model!);
  const images = (await readFolderImages(values.data!)).filter((im) => im.crops.length > 0);
  const inputs = images.map((im) => im.crops.map((c) => cropToInput(c)));
  const lost = async () => {
    let n = 0;
    for (const batch of inputs) {
      const { features } = await classifier.classifyWithFeatures(batch);
      if (keptAsWhiteCells(classifier.notWhiteCell, features).length === 0) n++;
    }
    return n;
  };
  const shipped = await lost();
  classifier.useCalibration(await classifier.calibrate(inputs.flat()));
  const calibrated = await lost();
  console.log(
    `${values.data}: ${images.length} images with a box; every box dropped by the reject: ` +
      `${shipped} on the shipped reading, ${calibrated} on a reading calibrated to all of them`,
  );
}

main().catch((err: unknown) => fail((err as Error).message));
