/**
 * How long calibrating a case takes, and whether a calibrated reading is as fast as the shipped
 * one, in Node on tfjs's WASM backend (the browser's fallback backend):
 *
 *   npm run bench:calibration [-- --cells 100 --repeats 5 --data ../shared/data/lisc/eval --model public/model]
 *
 * The case is the first cell found in each of the first --cells images of --data (class
 * folders, taken round-robin over the classes; nothing is chosen on them). Four things alternate,
 * --repeats times, so load on the machine falls on all alike: calibrating as the app does (the
 * case's classes given, the cells read calibrated by the same pass: the whole of the page's
 * request), calibrating from the images alone (a shipped reading first, as npm run evaluate
 * does), and reading the case shipped and calibrated. Prints the medians (and each repeat), and
 * `ratio classify calibrated/shipped`.
 */
import { cropToInput, cutCellCrop } from '@/core/cell-crop';
import { findWhiteCells } from '@/core/localise';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { listClassFolders } from '../lib/class-folders';
import { arg } from '../lib/cli-arg';
import { median } from '../lib/stats';

const cells = Number(arg('cells', '100'));
const repeats = Number(arg('repeats', '5'));
const data = arg('data', '../shared/data/lisc/eval');

const classifier = await loadNodeClassifier(arg('model', 'public/model'));
const byClass = new Map<string, string[]>();
for (const f of listClassFolders(data)) byClass.set(f.label, [...(byClass.get(f.label) ?? []), f.path]);
const lists = [...byClass.values()];
const inputs: Float32Array[] = [];
for (let i = 0; inputs.length < cells && i < cells * 10; i++) {
  const path = lists[i % lists.length][Math.floor(i / lists.length)];
  if (!path) continue;
  const image = await decodeImageFile(path);
  const { cells: found, gains } = findWhiteCells(image);
  if (found.length) inputs.push(cropToInput(cutCellCrop(image, found[0], gains)));
}
if (inputs.length < cells) throw new Error(`${data} gave ${inputs.length} cells, not ${cells}`);

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

// One untimed round: kernels and caches built before anything is timed.
classifier.useCalibration(await classifier.calibrate(inputs));
await classifier.classify(inputs);
classifier.useCalibration(undefined);
const read = await classifier.classify(inputs);
// The case's classes as the page holds them: its reading when the images were analysed.
const classes = read.map((p) => p.indexOf(Math.max(...p)));

const times = { app: [] as number[], images: [] as number[], shipped: [] as number[], calibrated: [] as number[] };
for (let r = 0; r < repeats; r++) {
  classifier.useCalibration(undefined);
  times.shipped.push(await seconds(() => classifier.classify(inputs)));
  times.app.push(await seconds(() => classifier.calibrateAndRead(inputs, { classes })));
  let calibration = undefined as Awaited<ReturnType<typeof classifier.calibrate>> | undefined;
  times.images.push(await seconds(async () => (calibration = await classifier.calibrate(inputs))));
  classifier.useCalibration(calibration);
  times.calibrated.push(await seconds(() => classifier.classify(inputs)));
}
const show = (xs: number[]) => `${median(xs).toFixed(2)} s (repeats ${xs.map((x) => x.toFixed(2)).join(', ')})`;
const { blend, rounds, classFloor } = classifier.calibrationSettings();
console.log(`WASM, ${inputs.length} cells of ${data}, blend ${blend}, ${rounds} round(s), class floor ${classFloor}`);
console.log(`calibrate and read the case, its classes given (the app): ${show(times.app)}`);
console.log(`calibrate the case from its images alone (evaluate):     ${show(times.images)}`);
console.log(`classify it, shipped:    ${show(times.shipped)}`);
console.log(`classify it, calibrated: ${show(times.calibrated)}`);
console.log(`ratio classify calibrated/shipped ${(median(times.calibrated) / median(times.shipped)).toFixed(3)}`);
