import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { CLASS_NAMES } from '@/core/class-names';
import type { CellClass } from '@/core/model-spec';

/**
 * npm run model-doc [-- --metrics public/model/metrics.json] [--recipe two-labs] [--doc docs/model.md] [--check]
 *
 * Writes the figures section of docs/model.md — between FIGURES_START and FIGURES_END — from the
 * committed model's public/model/metrics.json (written by `npm run model-card`) and, when it
 * exists, the recipe's training/results/<recipe>/validation.json (written by
 * `python3 -m training train`). Nothing else in the document changes. With --check it writes
 * nothing and exits 1 when the section is not what the files say.
 */

export const FIGURES_START = '<!-- figures:start -->';
export const FIGURES_END = '<!-- figures:end -->';

/** The parts of metrics.json this document reads (the model card's shape, the model's classes, per lab). */
interface ReviewFigures {
  readonly threshold: number;
  readonly flaggedShare: number;
  readonly accuracyAboveThreshold: number;
}

interface LabFigures {
  readonly data: string;
  readonly images: number;
  readonly lab?: string;
  readonly accuracy: number;
  readonly accuracyCI95: readonly [number, number];
  /** What the interval resamples; absent in a metrics.json from before it was said (images). */
  readonly accuracyCI95By?: { readonly by: 'image' } | { readonly by: 'source cell'; readonly groups: number };
  readonly macroF1: number;
  readonly ece: number;
  readonly eceBeforeCalibration?: number;
  readonly classes: readonly string[];
  readonly classesHeld?: readonly string[];
  readonly perClass: Record<string, { readonly precision?: number; readonly recall: number; readonly support: number }>;
  /** Cells called a class the lab holds none of. */
  readonly falseCalls?: {
    readonly classes: readonly string[];
    readonly perClass: Record<string, { readonly count: number; readonly share: number }>;
    readonly count: number;
    readonly share: number;
  };
  readonly review?: ReviewFigures;
  readonly noCellFound: readonly string[];
  readonly adaptedOn?: string;
  /** The set read after calibrating to seeded skewed cases of its own cells (`--calibrate`). */
  readonly calibrated?: {
    readonly accuracy: number;
    readonly macroF1: number;
    readonly draws: readonly {
      readonly accuracy: number;
      readonly cells: number;
      readonly falseCalls?: { readonly share: number };
    }[];
  };
}

export interface ModelDocMetrics {
  readonly modelVersion: string;
  readonly architecture?: string;
  readonly gflopsPerCell: number;
  readonly modelBytes: number;
  readonly test: LabFigures;
  readonly pbc: LabFigures;
  readonly lisc: LabFigures;
  readonly liscAdapted: LabFigures;
  readonly detection?: Record<string, number | string | undefined>;
  readonly noWhiteCell?: {
    readonly negativeSet?: string;
    readonly negativesRejected: number;
    readonly negativesAccepted?: readonly string[];
  };
  readonly heatmap?: { readonly meanMassInsideBox: number; readonly images?: number };
  readonly falseCallTarget?: number;
  readonly calibration?: {
    readonly temperature: number;
    readonly reviewThreshold: number;
    readonly reviewTarget?: number;
  };
}

/** training/results/<recipe>/validation.json as training/train.py writes it. */
export interface RecipeValidation {
  readonly recipe?: { readonly name?: string };
  readonly selected?: string;
  readonly temperature?: number;
  readonly reviewThreshold?: number;
  readonly reviewTarget?: number;
  readonly validation?: Record<
    string,
    {
      readonly trainedOn?: boolean;
      readonly crops?: number;
      readonly accuracy: number;
      readonly macroF1: number;
      readonly review?: { readonly unmarkedShare: number; readonly unmarkedAccuracy: number | null };
    }
  >;
}

const LABS = [
  {
    key: 'test',
    title: 'blood-cells TEST',
    command: 'npm run evaluate -- --data ../shared/data/blood-cells/TEST',
  },
  {
    key: 'pbc',
    title: 'PBC test partition',
    command: 'npm run evaluate -- --data ../shared/data/pbc --split training/splits/pbc.csv --partition test',
  },
  {
    key: 'lisc',
    title: 'LISC eval, zero-shot',
    command: 'npm run evaluate -- --data ../shared/data/lisc/eval',
  },
  {
    key: 'liscAdapted',
    title: 'LISC eval, adapted',
    command: 'npm run evaluate:adaptation -- --adapt ../shared/data/lisc/adapt --data ../shared/data/lisc/eval',
  },
] as const;

const LAB_FIELDS = ['images', 'accuracy', 'accuracyCI95', 'macroF1', 'ece', 'classes', 'perClass', 'noCellFound'];

/** One decimal place, as the model card writes shares: 0.8717 → "87.2 %". */
export function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/**
 * Why these metrics cannot be rendered, or undefined when they can. A metrics.json of the earlier
 * four-class shape (labB, no pbc/lisc) gets a message that says so instead of a half-filled page.
 */
export function shapeProblem(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'not a JSON object';
  const o = m as Record<string, unknown>;
  const missing = LABS.map((l) => l.key).filter((k) => typeof o[k] !== 'object' || o[k] === null);
  if ('labB' in o || missing.length > 0) {
    return (
      `the earlier shape (${'labB' in o ? 'labB, ' : ''}no ${missing.join(', ')}): ` +
      'docs/model.md reports blood-cells TEST, the PBC test partition, LISC zero-shot and LISC adapted. ' +
      'Measure the five-class model first with `npm run model-card`.'
    );
  }
  for (const { key } of LABS) {
    const lab = o[key] as Record<string, unknown>;
    const absent = LAB_FIELDS.filter((f) => !(f in lab));
    if (absent.length > 0) return `${key} lacks ${absent.join(', ')}`;
  }
  for (const k of ['modelVersion', 'gflopsPerCell', 'modelBytes']) {
    if (!(k in o)) return `no ${k}`;
  }
  return undefined;
}

function held(lab: LabFigures): readonly string[] {
  return lab.classesHeld ?? lab.classes.filter((c) => (lab.perClass[c]?.support ?? 0) > 0);
}

function allClasses(m: ModelDocMetrics): string[] {
  const seen: string[] = [];
  for (const { key } of LABS) for (const c of m[key].classes) if (!seen.includes(c)) seen.push(c);
  return seen;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A class as the app names it ("Immature granulocyte"), or its key in title case where the app has no such class. */
function titleCase(name: string): string {
  return CLASS_NAMES[name as CellClass]?.label ?? name.charAt(0) + name.slice(1).toLowerCase();
}

/** The Markdown between the markers: every figure with the command that measures it. */
export function renderFigures(m: ModelDocMetrics, validation?: RecipeValidation, recipe = 'two-labs'): string {
  const labs = LABS.map((l) => ({ ...l, figures: m[l.key] }));
  const out: string[] = [];
  out.push(
    `Model **${m.modelVersion}**. Written by \`npm run model-doc\` from \`public/model/metrics.json\`, which ` +
      '`npm run model-card` measures on the committed model; do not edit by hand.',
    '',
    '### Per laboratory',
    '',
    row(['', ...labs.map((l) => l.title)]),
    row(['---', ...labs.map(() => '---')]),
    row(['images (classes they hold)', ...labs.map((l) => `${l.figures.images} (${held(l.figures).length})`)]),
    row([
      'accuracy (95 % interval)',
      ...labs.map(
        (l) =>
          `${percent(l.figures.accuracy)} (${percent(l.figures.accuracyCI95[0])}–${percent(l.figures.accuracyCI95[1])})`,
      ),
    ]),
    row([
      'the interval resamples',
      ...labs.map((l) => {
        const b = l.figures.accuracyCI95By;
        return b?.by === 'source cell' ? `${b.groups} source cells` : 'images';
      }),
    ]),
    row(['macro-F1 (over the classes held)', ...labs.map((l) => l.figures.macroF1.toFixed(3))]),
  );
  if (labs.some((l) => l.figures.calibrated)) {
    const calibrated = (f: (c: NonNullable<LabFigures['calibrated']>) => string) =>
      labs.map((l) => (l.figures.calibrated ? f(l.figures.calibrated) : '—'));
    out.push(
      row([
        'accuracy calibrated to a case, mean (cases)',
        ...calibrated((c) => {
          const a = c.draws.map((d) => d.accuracy);
          return `${percent(c.accuracy)} (${percent(Math.min(...a))}–${percent(Math.max(...a))})`;
        }),
      ]),
      row(['macro-F1 calibrated, mean', ...calibrated((c) => c.macroF1.toFixed(3))]),
    );
  }
  if (labs.some((l) => l.figures.falseCalls)) {
    const target = m.falseCallTarget === undefined ? '' : ` (aim ≤ ${percent(m.falseCallTarget)})`;
    out.push(
      row([
        `called a class the lab has none of${target}`,
        ...labs.map((l) => {
          const f = l.figures.falseCalls;
          if (!f) return '—';
          const each = f.classes.map((c) => `${titleCase(c)} ${f.perClass[c]?.count ?? 0}`).join(', ');
          return `${f.count} (${percent(f.share)}): ${each}`;
        }),
      ]),
    );
    if (labs.some((l) => l.figures.calibrated?.draws.some((d) => d.falseCalls)))
      out.push(
        row([
          'called one, calibrated (mean of the cases)',
          ...labs.map((l) => {
            const shares = l.figures.calibrated?.draws.flatMap((d) => (d.falseCalls ? [d.falseCalls.share] : []));
            return shares?.length ? percent(shares.reduce((a, b) => a + b, 0) / shares.length) : '—';
          }),
        ]),
      );
  }
  for (const c of allClasses(m)) {
    out.push(
      row([
        `recall ${titleCase(c)}`,
        ...labs.map((l) =>
          held(l.figures).includes(c) && l.figures.perClass[c] ? l.figures.perClass[c].recall.toFixed(3) : '—',
        ),
      ]),
    );
  }
  for (const c of allClasses(m)) {
    out.push(
      row([
        `precision ${titleCase(c)}`,
        ...labs.map((l) => {
          const p = l.figures.perClass[c]?.precision;
          return held(l.figures).includes(c) && p !== undefined ? p.toFixed(3) : '—';
        }),
      ]),
    );
  }
  out.push(
    row([
      'ECE after (before) temperature scaling',
      ...labs.map(
        (l) =>
          l.figures.ece.toFixed(3) +
          (l.figures.eceBeforeCalibration === undefined ? '' : ` (${l.figures.eceBeforeCalibration.toFixed(3)})`),
      ),
    ]),
    row([
      'marked for review / accuracy of the unmarked',
      ...labs.map((l) =>
        l.figures.review
          ? `${percent(l.figures.review.flaggedShare)} / ${percent(l.figures.review.accuracyAboveThreshold)}`
          : '—',
      ),
    ]),
    row([
      'images where no cell was found',
      ...labs.map(
        (l) => `${l.figures.noCellFound.length} (${percent(l.figures.noCellFound.length / l.figures.images)})`,
      ),
    ]),
    '',
  );
  for (const l of labs) {
    const what = l.figures.lab ? `${l.figures.lab}. ` : '';
    const adapted = l.figures.adaptedOn ? `Adapted on ${l.figures.adaptedOn}. ` : '';
    out.push(`- **${l.title}**: ${what}${adapted}On its own: \`${l.command}\`.`);
  }

  out.push('', '### Cell finding, rejection and cost', '');
  const d = m.detection;
  if (d && typeof d.recall === 'number' && typeof d.precision === 'number') {
    const cells = typeof d.whiteCells === 'number' ? ` (${d.whiteCells} boxed white cells)` : '';
    const inside =
      typeof d.precisionInsideField === 'number'
        ? `; ${d.precisionInsideField.toFixed(3)} leaving out cells cut by the border that the annotators left unboxed`
        : '';
    out.push(
      `- Cell finding on BCCD ${d.split ?? 'test'}${cells}: recall ${d.recall.toFixed(3)}, precision ` +
        `${d.precision.toFixed(3)} at IoU 0.5${inside} (\`npm run evaluate:detect -- --data ../shared/data/bccd\`).`,
    );
  }
  const n = m.noWhiteCell;
  if (n) {
    const accepted = n.negativesAccepted ? ` (${n.negativesAccepted.length} accepted)` : '';
    out.push(
      `- Images with no white cell rejected as such: ${percent(n.negativesRejected)}${accepted}; the set: ` +
        `${n.negativeSet ?? 'fixtures/negatives'}. On its own: ` +
        '`npm run evaluate -- --data ../shared/data/blood-cells/TEST --negatives fixtures/negatives`.',
    );
  }
  if (m.heatmap) {
    out.push(
      `- Heatmaps: on average ${percent(m.heatmap.meanMassInsideBox)} of a class activation map lies inside the ` +
        `white cell's box${m.heatmap.images ? ` (${m.heatmap.images} TEST images)` : ''}.`,
    );
  }
  if (m.calibration) {
    const target = m.calibration.reviewTarget ? `, fitted for ${percent(m.calibration.reviewTarget)} right` : '';
    out.push(
      `- Calibration: temperature ${m.calibration.temperature.toFixed(2)}; review threshold ` +
        `${m.calibration.reviewThreshold.toFixed(3)}${target} (\`public/model/metadata.json\`).`,
    );
  }
  out.push(
    `- Cost: ${m.gflopsPerCell} GFLOP per cell, ${(m.modelBytes / 1e6).toFixed(2)} MB of weights ` +
      `(${m.modelBytes.toLocaleString('en-US')} bytes; \`gflops\` and \`totalBytes\` in \`public/model/metadata.json\`).`,
  );

  out.push('', `### Validation of the recipe \`${recipe}\``, '');
  const v = validation?.validation;
  if (!v || Object.keys(v).length === 0) {
    out.push(
      `No \`training/results/${recipe}/validation.json\` yet: \`python3 -m training train --recipe ` +
        `training/recipes/${recipe}.json\` writes it, and \`python3 -m training export\` copies it there.`,
    );
  } else {
    const names = Object.keys(v);
    out.push(
      row(['', ...names]),
      row(['---', ...names.map(() => '---')]),
      row(['trained on', ...names.map((k) => (v[k].trainedOn === false ? 'no (read only)' : 'yes'))]),
      row(['validation crops', ...names.map((k) => (v[k].crops === undefined ? '—' : String(v[k].crops)))]),
      row(['accuracy', ...names.map((k) => percent(v[k].accuracy))]),
      row(['macro-F1', ...names.map((k) => v[k].macroF1.toFixed(3))]),
      row([
        'unmarked share / their accuracy',
        ...names.map((k) => {
          const r = v[k].review;
          return r
            ? `${percent(r.unmarkedShare)} / ${r.unmarkedAccuracy === null ? '—' : percent(r.unmarkedAccuracy)}`
            : '—';
        }),
      ]),
      '',
      `From \`training/results/${recipe}/validation.json\` (\`python3 -m training train --recipe ` +
        `training/recipes/${recipe}.json\`)` +
        (validation?.selected ? `; weights kept: ${validation.selected}` : '') +
        '.',
    );
  }
  return out.join('\n');
}

/** The document with its figures section replaced; throws when the markers are missing or out of order. */
export function replaceFigures(doc: string, figures: string): string {
  const start = doc.indexOf(FIGURES_START);
  const end = doc.indexOf(FIGURES_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`the document needs ${FIGURES_START} and then ${FIGURES_END}`);
  }
  return `${doc.slice(0, start + FIGURES_START.length)}\n\n${figures}\n\n${doc.slice(end)}`;
}

/** The whole document, formatted as `prettier --check` expects it. */
export async function renderDocument(
  doc: string,
  metrics: ModelDocMetrics,
  validation: RecipeValidation | undefined,
  recipe: string,
  docPath: string,
): Promise<string> {
  const text = replaceFigures(doc, renderFigures(metrics, validation, recipe));
  const options = (await prettier.resolveConfig(docPath)) ?? {};
  return prettier.format(text, { ...options, filepath: docPath });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      metrics: { type: 'string', default: 'public/model/metrics.json' },
      recipe: { type: 'string', default: 'two-labs' },
      doc: { type: 'string', default: 'docs/model.md' },
      check: { type: 'boolean', default: false },
    },
  });
  const fail = (message: string): never => {
    console.error(`error: ${message}`);
    process.exit(1);
  };
  const metrics: unknown = JSON.parse(readFileSync(values.metrics!, 'utf8'));
  const problem = shapeProblem(metrics);
  if (problem) fail(`${values.metrics}: ${problem}`);
  const validationPath = `training/results/${values.recipe}/validation.json`;
  const validation = existsSync(validationPath)
    ? (JSON.parse(readFileSync(validationPath, 'utf8')) as RecipeValidation)
    : undefined;
  const doc = readFileSync(values.doc!, 'utf8');
  let next = '';
  try {
    next = await renderDocument(doc, metrics as ModelDocMetrics, validation, values.recipe!, values.doc!);
  } catch (err) {
    fail(`${values.doc}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (values.check) {
    if (next !== doc) fail(`${values.doc} is not what ${values.metrics} says: run npm run model-doc`);
    console.log(`${values.doc} is up to date with ${values.metrics}`);
    return;
  }
  writeFileSync(values.doc!, next);
  console.log(
    `${values.doc}: figures of model ${(metrics as ModelDocMetrics).modelVersion}` +
      (validation ? ` and ${validationPath}` : ` (no ${validationPath})`),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
