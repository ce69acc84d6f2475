"""Shows that training sees the crop the app classifies.

Training reads context crops written by the app's TypeScript (scripts/build-data/export-crops.ts) and cuts
the centre with augment.centre_cut; the app cuts the inference crop directly. For
blood-cells TEST images (one in 250), both are made here and compared pixel by pixel:
  npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/agree-context --every 250
  npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/crops/agree-inference --inference --every 250
  python3 -m training check-crops
Exit 1 if the mean absolute difference exceeds 4 grey levels (of 255) on any image.
"""
import csv
import os
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
from .augment import centre_cut  # noqa: E402
from .common import WORK  # noqa: E402

LIMIT = 4.0


def load(folder, name):
    return np.asarray(Image.open(os.path.join(WORK, "crops", folder, name)).convert("RGB"), dtype=np.float32)


def main(_args=None):
    with open(os.path.join(WORK, "crops", "agree-inference", "index.csv")) as fh:
        rows = list(csv.DictReader(fh))
    worst = 0.0
    for r in rows:
        direct = load("agree-inference", r["file"])
        context = torch.from_numpy(load("agree-context", r["file"])).permute(2, 0, 1)[None] / 255.0
        cut = centre_cut(context)[0].permute(1, 2, 0).numpy() * 255.0
        diff = float(np.abs(cut - direct).mean())
        worst = max(worst, diff)
        print(f"{r['file']}: mean |training crop − app crop| = {diff:.2f} grey levels")
    print(f"worst {worst:.2f} (limit {LIMIT})")
    return 0 if worst <= LIMIT else 1
