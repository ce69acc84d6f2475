"""The crops of each laboratory, split so that validation never shares a source cell with training.

- blood-cells: TRAIN crops (scripts/build-data/export-crops.ts) are ~35 augmentations of each of ~277 source
  cells; match_sources.py names each crop's source group, and a seeded fifth of the groups of each
  class is held out. Its TEST folder is never read here.
- pbc: one distinct cell per image; training/splits/pbc.csv assigns each file to train,
  validation, practice (the app's practice set) or test (reported, never chosen on).
"""
import csv
import os
import random

import numpy as np
import torch
from PIL import Image

from .common import CLASSES, INPUT_SIZE, ROOT, WORK

LABS = ("blood-cells", "pbc")
SPLIT_SEED = 20261125
VAL_SHARE = 0.2


def crops_folder(size=INPUT_SIZE):
    """Where export-crops.ts wrote the context crops for a network input of `size` pixels."""
    return os.path.join(WORK, "crops" if size == INPUT_SIZE else f"crops-{size}")


def _rows(folder, size=INPUT_SIZE):
    with open(os.path.join(crops_folder(size), folder, "index.csv")) as fh:
        return list(csv.DictReader(fh))


def blood_cells_split():
    """(train rows, validation rows): whole source groups held out, a fifth of each class's crops."""
    with open(os.path.join(WORK, "groups.csv")) as fh:
        rows = list(csv.DictReader(fh))
    rng = random.Random(SPLIT_SEED)
    held = set()
    for label in CLASSES:
        groups = sorted({r["group"] for r in rows if r["label"] == label})
        rng.shuffle(groups)
        count = {gr: sum(1 for r in rows if r["group"] == gr) for gr in groups}
        total, taken = sum(count.values()), 0
        for gr in groups:
            if taken >= VAL_SHARE * total:
                break
            held.add(gr)
            taken += count[gr]
    return [r for r in rows if r["group"] not in held], [r for r in rows if r["group"] in held]


def write_blood_cells_split(path):
    """blood_cells_split as a split file of TRAIN's own images (file,label,partition), so that the
    Node scripts (`npm run evaluate:calibration -- --split`) read exactly training's validation cells."""
    train, val = blood_cells_split()
    with open(path, "w") as fh:
        fh.write("file,label,partition\n")
        for part, rows in (("train", train), ("validation", val)):
            for r in rows:
                # The crops are PNGs named after TRAIN's JPEG files.
                fh.write(f"{os.path.splitext(r['file'])[0]}.jpeg,{r['label']},{part}\n")
    print(f"{path}: {len(train)} train, {len(val)} validation images")


def pbc_split(size=INPUT_SIZE):
    with open(os.path.join(ROOT, "training", "splits", "pbc.csv")) as fh:
        # The split also names classes the model does not have (IG, ERYTHROBLAST, PLATELET): skipped.
        partition = {r["file"]: r["partition"] for r in csv.DictReader(fh) if r["label"] in CLASSES}
    rows = [r for r in _rows("pbc", size) if r["label"] in CLASSES]
    for r in rows:
        r["group"] = r["file"]
        r["partition"] = partition["/".join(r["source"].split("/")[-2:])]
    return [r for r in rows if r["partition"] == "train"], [r for r in rows if r["partition"] == "validation"]


def load_lab(lab, size=INPUT_SIZE):
    """{'train': (x uint8 N×3×S×S, y), 'validation': (x, y)} of one laboratory's context crops."""
    folder, (train, val) = ("train", blood_cells_split()) if lab == "blood-cells" else ("pbc", pbc_split(size))
    return {"train": _load(folder, train, size), "validation": _load(folder, val, size)}


def _load(folder, rows, size):
    base = os.path.join(crops_folder(size), folder)
    x = np.stack([np.asarray(Image.open(os.path.join(base, r["file"])).convert("RGB")) for r in rows])
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(y)
