import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { softmax, type CellClassifier } from '@/core/classifier';
import type { ModelMetadata } from '@/core/model-metadata';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { uncalibrate } from '../lib/classification-metrics';
import { fitReviewThreshold, fitTemperature, type LabelledLogits } from '../lib/calibration-fit';
import {
  caseInputs,
  drawSkewedCases,
  evaluateCalibrated,
  readLabFolder,
  readLabsCalibratedOn,
  type LabFolder,
} from '../lib/calibrated-evaluation';
import { fail } from '../lib/fail';
import { mean } from '../lib/stats';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const list = (s: string) => s.split(',').map(Number);

/**
 * npm run evaluate:calibration -- [--data ../shared/data/pbc --split training/splits/pbc.csv
 *   --partition validation] [--blends 0.5,0.75,1] [--rounds 1,2] [--cells 100] [--draws 3]
 *   [--floors 0,0.05] [--seed 11] [--every N] [--oracle]
 *   [--mixed --also-data D --also-split S [--blend B --round R --floor F]]
 *   [--fit --blend B --round R --floor F [--also-data ../shared/data/blood-cells/TRAIN
 *    --also-split training/work/blood-cells-split.csv]]
 *
 * The measurements that choose how a case is calibrated, on VALIDATION data only: for each
 * blend, rounds and case size, the folder read after calibrating on seeded skewed cases of it
 * (mean and worst case, and the change against the shipped reading). With --fit, the calibrated
 * readings at --blend and --round of each lab given give a calibrated temperature (the softest
 * lab's) and review threshold (the strictest lab's), training/'s rules, written with the blend,
 * rounds and floor into metadata.json's `calibrated`. With --oracle, each case's first round is
 * balanced by its true classes instead of a reading: the most that better label-free balancing
 * could give, a bound to measure against and never a setting (only validation labels are read).
 * With --mixed, cases that hold half this lab's cells and half --also-data's (mixedLabCases).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'public/model' },
      data: { type: 'string', default: '../shared/data/pbc' },
      split: { type: 'string', default: 'training/splits/pbc.csv' },
      partition: { type: 'string', default: 'validation' },
      blends: { type: 'string', default: '0.5' },
      rounds: { type: 'string', default: '1' },
      floors: { type: 'string', default: '0' },
      cells: { type: 'string', default: '100' },
      draws: { type: 'string', default: '3' },
      seed: { type: 'string', default: '11' },
      // Every Nth image of the partition only: a quicker, coarser reading (case sizes, not the fit).
      every: { type: 'string', default: '1' },
      fit: { type: 'boolean', default: false },
      blend: { type: 'string' },
      round: { type: 'string' },
      floor: { type: 'string' },
      // With --fit: the other training lab's validation cells (blood-cells TRAIN and its split).
      'also-data': { type: 'string' },
      'also-split': { type: 'string' },
      // Balance each case's first round by its true classes: how much better balancing could give.
      oracle: { type: 'boolean', default: false },
      // Cases of half this lab's cells and half --also-data's, calibrated once: a case of two labs.
      mixed: { type: 'boolean', default: false },
    },
  });
  if (values.partition === 'test') fail('choices are made on validation data, never on test');
  const classifier = await loadNodeClassifier(values.model!);
  const every = Number(values.every);
  const lab = await readLabFolder(values.data!, classifier, {
    split: values.split,
    partition: values.partition,
    every,
  });
  const { images, shipped } = lab;
  // The other lab, where one is given: read calibrated beside this one (--fit), or mixed with it (--mixed).
  const alsoLab = async () =>
    readLabFolder(values['also-data'] ?? fail('--fit with a second lab, or --mixed, needs --also-data'), classifier, {
      split: values['also-split'],
      partition: values.partition,
      every,
    });
  console.log(
    `${values.data} (${values.partition}${every > 1 ? `, one image in ${every}` : ''}): ${images.length} images, ` +
      `shipped ${pct(shipped.report.accuracy)}`,
  );
  const seed = Number(values.seed);
  const draws = Number(values.draws);
  if (values.fit) {
    const blend = Number(values.blend ?? fail('--fit needs --blend'));
    const rounds = Number(values.round ?? fail('--fit needs --round'));
    const classFloor = Number(values.floor ?? 0);
    // Each training lab's validation cells, read calibrated: this folder and --also-data's.
    const labs = values['also-data'] ? [lab, await alsoLab()] : [lab];
    const perLab: LabelledLogits[][] = [];
    for (const lab of labs) {
      const cases = drawSkewedCases(lab.images, Number(values.cells), draws, seed);
      const rows: LabelledLogits[] = [];
      const figures = await evaluateCalibrated(
        lab.dir,
        lab.images,
        lab.shipped,
        classifier,
        cases,
        { kind: 'skewed', seed, blend, rounds, classFloor },
        (reading) =>
          reading.probabilities.forEach((p, i) => {
            if (p.length === 0) return;
            const logits = uncalibrate(p, classifier.temperature).map((q) => Math.log(Math.max(q, 1e-30)));
            rows.push({ logits, truth: reading.predictions[i].truth });
          }),
      );
      perLab.push(rows);
      console.log(
        `${lab.dir}: ${rows.length} calibrated readings (${draws} cases), accuracy ${pct(figures.accuracy)}, ` +
          `own temperature ${fitTemperature(rows).toFixed(3)}`,
      );
    }
    // training/'s rule (train.py, calibrate): the softest lab's temperature, the strictest lab's threshold.
    const temperature = Math.max(...perLab.map(fitTemperature));
    const metadataPath = join(values.model!, 'metadata.json');
    const metadata = JSON.parse(readFileSync(metadataPath, 'utf8')) as ModelMetadata;
    const fitted = Math.max(
      ...perLab.map((rows) =>
        fitReviewThreshold(
          rows.map((r) => {
            const p = softmax([...r.logits], temperature);
            const top = p.indexOf(Math.max(...p));
            return { confidence: p[top], right: top === r.truth };
          }),
          metadata.reviewTarget,
        ),
      ),
    );
    // Never laxer than the shipped threshold, which held on both labs' validation cells in training.
    const reviewThreshold = Math.max(fitted, metadata.reviewThreshold);
    const calibrated = { blend, rounds, classFloor, temperature, reviewThreshold };
    writeFileSync(`${metadataPath}.partial`, JSON.stringify({ ...metadata, calibrated }, null, 2) + '\n');
    renameSync(`${metadataPath}.partial`, metadataPath);
    console.log(
      `temperature ${temperature.toFixed(3)}, review threshold ${reviewThreshold.toFixed(4)} (fitted ${fitted.toFixed(4)}) → ${metadataPath}`,
    );
    return;
  }
  if (values.mixed) {
    await mixedLabCases(classifier, [lab, await alsoLab()], values);
    return;
  }
  if (values.oracle) console.log('oracle: each case first balanced by its true classes (a bound, not a setting)');
  console.log('blend  rounds  floor  cells  mean     worst    change (points, mean)');
  for (const cells of list(values.cells!)) {
    const cases = drawSkewedCases(images, cells, draws, seed);
    for (const rounds of list(values.rounds!)) {
      for (const blend of list(values.blends!)) {
        for (const classFloor of list(values.floors!)) {
          const f = await evaluateCalibrated(values.data!, images, shipped, classifier, cases, {
            kind: 'skewed',
            seed,
            blend,
            rounds,
            classFloor,
            minCells: 1,
            oracle: values.oracle,
          });
          const worst = Math.min(...f.draws.map((d) => d.accuracy));
          const change = 100 * (f.accuracy - shipped.report.accuracy);
          console.log(
            `${String(blend).padEnd(6)} ${String(rounds).padEnd(7)} ${String(classFloor).padEnd(6)} ${String(cells).padEnd(6)} ` +
              `${pct(f.accuracy).padEnd(8)} ${pct(worst).padEnd(8)} ${change >= 0 ? '+' : ''}${change.toFixed(1)}`,
          );
        }
      }
    }
  }
}

/**
 * A case that holds two labs' cells: each draw takes half its cells from each lab (a skewed case
 * of each), and both labs' folders are read after calibrating on that lab's half alone and after
 * calibrating once on the whole mixed case, at --blend, --round and --floor where given, else
 * the model's settings.
 */
async function mixedLabCases(
  classifier: CellClassifier,
  labs: readonly LabFolder[],
  values: Partial<Record<'cells' | 'draws' | 'seed' | 'blend' | 'round' | 'floor', string>>,
): Promise<void> {
  const [draws, seed] = [Number(values.draws), Number(values.seed)];
  const half = Math.round(Number(values.cells) / 2);
  const cases = labs.map((l) => drawSkewedCases(l.images, half, draws, seed));
  const given = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const settings = classifier.calibrationSettings({
    blend: given(values.blend),
    rounds: given(values.round),
    classFloor: given(values.floor),
  });
  const options = { ...settings, minCells: 1 };
  const own = labs.map(() => [] as number[]);
  const mixed = labs.map(() => [] as number[]);
  for (let d = 0; d < draws; d++) {
    const inputs = labs.map((l, k) => caseInputs(l, cases[k][d]));
    for (let k = 0; k < labs.length; k++) {
      own[k].push((await readLabsCalibratedOn(classifier, inputs[k], [labs[k]], options))[0]);
    }
    (await readLabsCalibratedOn(classifier, inputs.flat(), labs, options)).forEach((a, k) => mixed[k].push(a));
  }
  console.log(`cases of ${half} cells of each lab, ${draws} draws, settings ${JSON.stringify(settings)}`);
  console.log('lab  shipped  own half alone (cases)  the mixed case (cases)');
  labs.forEach((l, k) =>
    console.log(
      `${l.dir}: ${pct(l.shipped.report.accuracy)}  ${pct(mean(own[k]))} (${own[k].map(pct).join(', ')})  ` +
        `${pct(mean(mixed[k]))} (${mixed[k].map(pct).join(', ')})`,
    ),
  );
}

main().catch((err: unknown) => fail((err as Error).message));
