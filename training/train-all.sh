#!/usr/bin/env bash
# Retrains the shipped model from ../shared/data in one command (CPU, about 60 minutes on 2 cores):
#   bash training/train-all.sh
# Needs Debian's PyTorch: apt-get install -y python3-torch python3-torchvision python3-pil
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
rm -rf training/work/crops
# 1. Crops by the app's own TypeScript localisation and crop rule (training never re-implements them).
npx tsx scripts/export-crops.ts --data ../shared/data/blood-cells/TRAIN --out training/work/crops/train
npx tsx scripts/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/parity --inference --every 77
# Training's centre cut of a context crop must equal the app's own crop (exits 1 if not).
npx tsx scripts/export-crops.ts --data fixtures/cells --out training/work/crops/agree-context
npx tsx scripts/export-crops.ts --data fixtures/cells --out training/work/crops/agree-inference --inference
$PY training/check_crop_agreement.py
# 2. Source-cell groups for an honest validation split: each TRAIN crop matched to the BCCD field
#    it was augmented from (crops of those fields by the same TypeScript).
npx tsx scripts/export-source-crops.ts --bccd ../shared/data/bccd --out training/work/crops/sources
(cd training && $PY match_sources.py)
# 3. The recipe with the validation groups held out: its final epoch's temperature and review
#    threshold (training/work/heldout); then the same recipe on all of TRAIN, final epoch kept.
(cd training && RUN=heldout $PY -u train.py)
(cd training && REFIT=heldout $PY -u train.py)
# 4. Export to public/model with the parity reference.
$PY training/export_tfjs.py
# 5. Measure the exported model the way the app runs it and write public/model/metrics.json.
npm run model-card
