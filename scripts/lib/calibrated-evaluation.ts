import { relative } from 'node:path';
import { prepareCells } from '@/core/analyse';
import { cropToInput } from '@/core/cell-crop';
import type { CalibrateOptions, CellClassifier } from '@/core/classifier';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { seededRandom } from '@/core/seeded-random';
import { decodeImageFile } from '@testkit/decode-file';
import type { Prediction } from './classification-metrics';
import { listClassFolders } from './class-folders';
import { buildReport, type EvaluationReport } from './evaluation-report';
import { folderGrouping } from './source-groups';
import { readSplitPartition } from './split-partition';
import { mean } from './stats';

/**
 * A realistic, skewed differential: N 60, L 30, M 6, E 3, B 1, with an immature granulocyte and
 * a nucleated red cell in it, IG 1 and ERYTHROBLAST 1 (weights, renormalised over the classes a
 * folder holds: a folder without IG or erythroblasts is drawn exactly as before they existed).
 */
export const SKEWED_DIFFERENTIAL: Readonly<Record<CellClass, number>> = {
  NEUTROPHIL: 60,
  LYMPHOCYTE: 30,
  MONOCYTE: 6,
  EOSINOPHIL: 3,
  BASOPHIL: 1,
  IG: 1,
  ERYTHROBLAST: 1,
};

/** One image of a folder, its cells cut once (RGBA crops) so that every reading reuses them. */
export interface FolderImage {
  readonly file: string;
  readonly label: CellClass;
  readonly crops: Uint8ClampedArray<ArrayBuffer>[];
}

/** Decodes and crops every image of a folder of class folders with the app's own code. */
export async function readFolderImages(dir: string, only?: ReadonlySet<string>, every = 1): Promise<FolderImage[]> {
  const files = listClassFolders(dir)
    .filter((f) => !only || only.has(relative(dir, f.path)))
    .filter((_, i) => i % every === 0);
  if (files.length === 0) throw new Error(`${dir}: no image of the chosen partition is there`);
  const images: FolderImage[] = [];
  for (const f of files) {
    const { crops } = prepareCells(await decodeImageFile(f.path));
    images.push({ file: relative(dir, f.path), label: f.label, crops });
  }
  return images;
}

/** A reading of a folder: each image's prediction (its most confident cell) and that cell's index. */
export interface FolderReading {
  readonly report: EvaluationReport;
  /** Per image, the index of the cell read as the image's (-1: none found). */
  readonly chosen: number[];
  readonly predictions: Prediction[];
  readonly probabilities: number[][];
}

/** Reads every image's cells with the classifier as it stands (shipped or calibrated), as evaluate does. */
export async function readFolder(
  dir: string,
  images: readonly FolderImage[],
  classifier: CellClassifier,
): Promise<FolderReading> {
  const started = performance.now();
  const predictions: Prediction[] = [];
  const probabilities: number[][] = [];
  const chosen: number[] = [];
  const noCellFound: string[] = [];
  for (const image of images) {
    const p = image.crops.length ? await classifier.classify(image.crops.map((c) => cropToInput(c))) : [];
    let best = -1;
    p.forEach((q, i) => {
      if (best < 0 || Math.max(...q) > Math.max(...p[best])) best = i;
    });
    chosen.push(best);
    if (best < 0) noCellFound.push(image.file);
    const q = best < 0 ? [] : p[best];
    probabilities.push(q);
    predictions.push({
      truth: CELL_CLASSES.indexOf(image.label),
      predicted: best < 0 ? -1 : q.indexOf(Math.max(...q)),
      confidence: best < 0 ? 0 : Math.max(...q),
    });
  }
  const report = buildReport(predictions, {
    data: dir,
    modelVersion: classifier.metadata.version,
    seconds: (performance.now() - started) / 1000,
    noCellFound,
    temperature: classifier.temperature,
    reviewThreshold: classifier.reviewThreshold,
    probabilities,
    grouping: folderGrouping(
      dir,
      images.map((im) => im.file),
    ),
  });
  return { report, chosen, predictions, probabilities };
}

/**
 * Seeded draws of `size` images whose labels follow the skewed differential, renormalised over
 * the classes the folder holds (largest remainders, so the counts add up to `size`); within a
 * class, images are drawn without replacement (all of them where the class has too few).
 */
export function drawSkewedCases(images: readonly FolderImage[], size: number, draws: number, seed: number): number[][] {
  const byClass = new Map<CellClass, number[]>();
  images.forEach((im, i) => byClass.set(im.label, [...(byClass.get(im.label) ?? []), i]));
  const held = CELL_CLASSES.filter((c) => byClass.has(c));
  const total = held.reduce((s, c) => s + SKEWED_DIFFERENTIAL[c], 0);
  const exact = held.map((c) => (size * SKEWED_DIFFERENTIAL[c]) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = held.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < size; i++) counts[byRemainder[i % held.length]]++;
  const random = seededRandom(seed);
  return Array.from({ length: draws }, () =>
    held.flatMap((c, k) => {
      const pool = byClass.get(c)!.slice();
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return pool.slice(0, counts[k]);
    }),
  );
}

export interface CalibratedDraw {
  readonly cells: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly ece: number;
  readonly review: EvaluationReport['review'];
  /** The calibrated reading's cells called a class the folder holds none of (absent where it holds all). */
  readonly falseCalls?: { readonly count: number; readonly share: number };
}

/** What `--calibrate` adds to the report: the folder read after calibrating on each case. */
export interface CalibratedFigures {
  /** 'skewed': seeded skewed draws; 'all': the folder's own cells as one case. */
  readonly cases: 'skewed' | 'all';
  /** The weights each skewed case was drawn by, before renormalising over the classes the folder holds. */
  readonly differential?: Readonly<Record<CellClass, number>>;
  readonly blend: number;
  readonly rounds: number;
  readonly classFloor: number;
  readonly seed: number;
  /** Mean over the draws. */
  readonly accuracy: number;
  readonly macroF1: number;
  readonly draws: CalibratedDraw[];
  readonly temperature: number;
  readonly reviewThreshold: number;
}

/**
 * Calibrates on each case (the cells the shipped reading chose in the drawn images; no label
 * is read) and reads the whole folder calibrated. Each draw's whole reading goes to `onReading`
 * (to fit a calibrated temperature on held-out readings). The classifier is left uncalibrated.
 */
export async function evaluateCalibrated(
  dir: string,
  images: readonly FolderImage[],
  shipped: FolderReading,
  classifier: CellClassifier,
  cases: readonly number[][],
  options: CalibrateOptions & {
    kind: 'skewed' | 'all';
    seed: number;
    /** Balance the first round by each cell's true class: the bound of label-free balancing, never a setting. */
    oracle?: boolean;
  },
  onReading?: (reading: FolderReading, drawn: readonly number[]) => void,
): Promise<CalibratedFigures> {
  const draws: CalibratedDraw[] = [];
  let settings = {
    blend: 0,
    rounds: 0,
    classFloor: 0,
    temperature: classifier.temperature,
    reviewThreshold: classifier.reviewThreshold,
  };
  try {
    for (const drawn of cases) {
      const lab = { dir, images, shipped };
      const inputs = caseInputs(lab, drawn);
      const truth = () => caseCells(lab, drawn).map((i) => classifier.metadata.classes.indexOf(images[i].label));
      const calibration = await classifier.calibrate(
        inputs,
        options.oracle ? { ...options, classes: truth() } : options,
      );
      classifier.useCalibration(calibration);
      const reading = await readFolder(dir, images, classifier);
      settings = {
        ...classifier.calibrationSettings(options),
        temperature: classifier.temperature,
        reviewThreshold: classifier.reviewThreshold,
      };
      onReading?.(reading, drawn);
      const r = reading.report;
      const falseCalls = r.falseCalls && { count: r.falseCalls.count, share: r.falseCalls.share };
      draws.push({
        cells: inputs.length,
        accuracy: r.accuracy,
        macroF1: r.macroF1,
        ece: r.ece,
        review: r.review,
        ...(falseCalls ? { falseCalls } : {}),
      });
      classifier.useCalibration(undefined);
    }
  } finally {
    classifier.useCalibration(undefined);
  }
  return {
    cases: options.kind,
    ...(options.kind === 'skewed' ? { differential: SKEWED_DIFFERENTIAL } : {}),
    ...settings,
    seed: options.seed,
    accuracy: mean(draws.map((d) => d.accuracy)),
    macroF1: mean(draws.map((d) => d.macroF1)),
    draws,
  };
}

/** A folder of a lab, cut once, with its shipped reading. */
export interface LabFolder {
  readonly dir: string;
  readonly images: readonly FolderImage[];
  readonly shipped: FolderReading;
}

/** A lab's folder, or the images of one partition of its split, cut and read as shipped. */
export async function readLabFolder(
  dir: string,
  classifier: CellClassifier,
  { split, partition, every = 1 }: { split?: string; partition?: string; every?: number } = {},
): Promise<LabFolder> {
  const only = split ? readSplitPartition(split, partition ?? 'validation') : undefined;
  const images = await readFolderImages(dir, only, every);
  return { dir, images, shipped: await readFolder(dir, images, classifier) };
}

/** The images a case drew whose cell the shipped reading found: the case's cells. */
function caseCells(lab: LabFolder, drawn: readonly number[]): number[] {
  return drawn.filter((i) => lab.shipped.chosen[i] >= 0);
}

/** The network inputs of the cells a case drew from a lab: each drawn image's cell the shipped reading chose. */
export function caseInputs(lab: LabFolder, drawn: readonly number[]): Float32Array[] {
  return caseCells(lab, drawn).map((i) => cropToInput(lab.images[i].crops[lab.shipped.chosen[i]]));
}

/**
 * Calibrates once on `inputs` (no label read) and reads every lab's folder with that one
 * calibration: how a case that holds cells of several labs reads each of them. The classifier is
 * left uncalibrated. Returns each lab's accuracy, in the order given.
 */
export async function readLabsCalibratedOn(
  classifier: CellClassifier,
  inputs: Float32Array[],
  labs: readonly LabFolder[],
  options: CalibrateOptions,
): Promise<number[]> {
  try {
    classifier.useCalibration(await classifier.calibrate(inputs, options));
    const accuracies: number[] = [];
    for (const lab of labs) accuracies.push((await readFolder(lab.dir, lab.images, classifier)).report.accuracy);
    return accuracies;
  } finally {
    classifier.useCalibration(undefined);
  }
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** The calibrated figures as lines a person reads in the terminal. */
export function formatCalibrated(c: CalibratedFigures): string {
  return [
    `calibrated (${c.cases === 'all' ? 'on all its cells' : `${c.draws.length} skewed cases, seed ${c.seed}`}, blend ${c.blend}, ${c.rounds} round(s)): ` +
      `accuracy ${pct(c.accuracy)}, macro-F1 ${c.macroF1.toFixed(3)} (mean)`,
    ...c.draws.map(
      (d, i) =>
        `  case ${i + 1}: ${d.cells} cells → accuracy ${pct(d.accuracy)}, macro-F1 ${d.macroF1.toFixed(3)}, ECE ${d.ece.toFixed(3)}, ` +
        `${pct(d.review.flaggedShare)} marked, the rest ${pct(d.review.accuracyAboveThreshold)} right` +
        (d.falseCalls
          ? `; ${d.falseCalls.count} called a class the set holds none of (${pct(d.falseCalls.share)})`
          : ''),
    ),
  ].join('\n');
}
