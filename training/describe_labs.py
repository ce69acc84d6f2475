"""What the training crops of each lab are: the figures behind training/results/README.md.

    python3 -m training describe-labs

Per lab: training and validation crops, distinct source cells per class on each side, how many
times an epoch shows each training source cell, the median cell diameter in its own image (from
export-crops.ts's index), and the median stain density of its crops (stain_normalise.py's
percentile of each channel's optical density over the stained pixels).
"""
import csv
import json
import os
from collections import Counter

import torch

from .common import CLASSES
from .data import blood_cells_split, crops_folder, load_lab, pbc_split
from .stain_normalise import reference


def _median_diameter(folder):
    with open(os.path.join(crops_folder(), folder, "index.csv")) as fh:
        d = sorted(float(r["diameter"]) for r in csv.DictReader(fh))
    return d[len(d) // 2]


def _sources(rows):
    per_class = Counter(r["label"] for r in {r["group"]: r for r in rows}.values())
    return sum(per_class.values()), {c[0]: per_class[c] for c in CLASSES if per_class[c]}


def main(args):
    with open(os.path.join(os.path.dirname(__file__), "recipes", "defaults.json")) as fh:
        per_epoch = json.load(fh)["cropsPerEpoch"]
    for lab, folder, (train, val) in (("blood-cells", "train", blood_cells_split()), ("pbc", "pbc", pbc_split())):
        n_train, train_classes = _sources(train)
        n_val, val_classes = _sources(val)
        shown = min(per_epoch[lab], len(train)) / n_train
        x = load_lab(lab)["train"][0]
        od = reference(x[torch.randperm(len(x), generator=torch.Generator().manual_seed(0))[:1024]])
        print(f"{lab}: {len(train)} training crops of {n_train} source cells {train_classes}; "
              f"{len(val)} validation crops of {n_val} source cells {val_classes}")
        print(f"  an epoch of {per_epoch[lab]} crops shows each training source cell {shown:.1f} times; "
              f"median cell diameter {_median_diameter(folder):.0f} px; "
              f"median stain optical density (R, G, B) {', '.join(f'{v:.2f}' for v in od.tolist())}")
    return 0
