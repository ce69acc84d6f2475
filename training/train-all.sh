#!/usr/bin/env bash
# Retrains the shipped model from ../shared/data in one command (CPU, 2 cores):
#   bash training/train-all.sh
# Needs Debian's PyTorch: apt-get install -y python3-torch python3-torchvision python3-pil
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
rm -rf training/work/crops
# 1. Crops by the app's own TypeScript cell finding and crop rule (training never re-implements them).
#    blood-cells TRAIN repeats each source cell ~35 times: every second image is plenty.
npx tsx scripts/build-data/export-crops.ts --data ../shared/data/pbc --out training/work/crops/pbc
npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TRAIN --out training/work/crops/train --every 2
npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/parity --inference --every 77
# Training's centre cut of a context crop must equal the app's own crop (exits 1 if not).
npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/agree-context --every 250
npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/agree-inference --inference --every 250
$PY -m training check-crops
# 2. Source-cell groups for an honest blood-cells validation split: each TRAIN crop matched to the
#    BCCD field it was augmented from (crops of those fields by the same TypeScript).
npx tsx scripts/build-data/export-source-crops.ts --bccd ../shared/data/bccd --out training/work/crops/sources
$PY -m training match-sources
# 3. The shipped recipe, validation held out in both labs; calibrated on that validation.
$PY -u -m training train --recipe training/recipes/two-labs.json
# Per-lab batch norm was measured against it the same way (kept only where it reads better):
#   $PY -u -m training train --recipe training/recipes/two-labs.json --set batchesByLab=true
#   $PY -m training calibrated-validation --run training/work/two-labs
# 4. Export to public/model with the parity reference, then measure it the way the app runs it.
$PY -m training export --run training/work/two-labs
# 5. Calibrating to a case: the training labs' per-step statistics, then the calibrated reading's
#    temperature and review threshold fitted on both labs' validation cases (docs/model.md).
npm run model-statistics
# The "not a white cell" reject (platelets and clumps) on the new network's pooled features.
npx tsx scripts/build-data/embed-reject-cells.ts --out training/work/reject-features
npm run fit:reject -- --features training/work/reject-features --write
$PY -m training blood-cells-split --out training/work/blood-cells-split.csv
npm run evaluate:calibration -- --fit --blend 0.5 --round 3 --floor 0.05 --draws 2 --seed 12 \
  --also-data ../shared/data/blood-cells/TRAIN --also-split training/work/blood-cells-split.csv
npm run model-card
