import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FLOORS_FILE, readFloors, type Floor } from '../lib/model-floors';

/**
 * npm run model-floors — sets training/floors.json from public/model/metrics.json: each set's floor
 * is the committed model's figure less its noise, the lower end of its 95 % bootstrap interval
 * (macro-F1 lowered by the same margin); on blood-cells TEST that interval resamples its source
 * cells, not its augmented copies (scripts/lib/source-groups.ts). A floor only rises: a figure below the floor in the file
 * leaves it where it is, unless the set itself changed (another number of images, as when the PBC
 * test partition gained the seven-class model's IG and erythroblast cells): a new set starts a new
 * floor. scripts/evaluate/model-floors.test.ts holds the committed model to them.
 */
const SETS = {
  test: { data: '../shared/data/blood-cells/TEST' },
  pbc: { data: '../shared/data/pbc', split: 'training/splits/pbc.csv', partition: 'test' },
} as const;

const metrics = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
const old: Record<string, Floor> = existsSync(FLOORS_FILE) ? readFloors() : {};
const floors: Record<string, Floor> = {};
for (const [name, set] of Object.entries(SETS)) {
  const m = metrics[name];
  const margin = m.accuracy - m.accuracyCI95[0];
  const floor = (v: number) => Math.floor(v * 1000) / 1000;
  const next = { ...set, images: m.images, accuracy: floor(m.accuracyCI95[0]), macroF1: floor(m.macroF1 - margin) };
  // A floor belongs to its set: one measured on other images says nothing about these.
  const prev = old[name]?.images === m.images ? old[name] : undefined;
  if (old[name] && !prev) console.log(`${name}: ${old[name].images} images → ${m.images}, a new set: a new floor`);
  floors[name] = prev
    ? { ...next, accuracy: Math.max(prev.accuracy, next.accuracy), macroF1: Math.max(prev.macroF1, next.macroF1) }
    : next;
  console.log(
    `${name}: accuracy ≥ ${floors[name].accuracy}, macro-F1 ≥ ${floors[name].macroF1} (model ${metrics.modelVersion})`,
  );
}
const note =
  "Floors that only rise: written by npm run model-floors from public/model/metrics.json (each set's figure less its noise, the lower end of its 95 % interval); read by scripts/evaluate/model-floors.test.ts.";
writeFileSync(FLOORS_FILE, JSON.stringify({ $comment: note, floors }, null, 2) + '\n');
