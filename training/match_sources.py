"""Tells which BCCD source cell each TRAIN crop was augmented from, and groups the crops by it.

The blood-cells images are augmentations (rotation ≤ 20°, flips, shift, zoom, shear, brightness)
of single-cell BCCD fields. scripts/export-source-crops.ts writes a crop of every white cell in
those fields with the app's crop rule; the TRAIN crops were written by the same code, so shift and
zoom are already undone and what is left is rotation, flip and brightness. Each TRAIN crop is
compared with every source crop of its class under the rotations and flips the augmentation
allows, by normalised cross-correlation over the pixels both crops really show (the augmentation's
black fill and the white beyond a field's edge are left out), and goes to the best.

Sources that look alike beyond DUPLICATE (BCCD holds some fields twice, a few pixels apart) share
a group: a cell must never be on both sides of the validation split.

  python3 -m training match-sources                 writes training/work/groups.csv (file,label,group)
  python3 -m training match-sources --check <dir>   matches crops of synthetic augmentations whose source
                                           is known (make_synthetic_sources.py) and prints accuracy

TEST is grouped the same way by match_test_sources.py (training/splits/blood-cells-test-groups.csv).
"""
import csv
import os
import sys
from collections import Counter

import numpy as np
from PIL import Image

from .common import CLASSES, WORK

SIDE = 40  # px of the compared disc's square: the cell and the red cells around it, its fingerprint
_yy, _xx = np.mgrid[:SIDE, :SIDE] - (SIDE - 1) / 2
DISC = np.hypot(_yy, _xx) <= SIDE * 0.49
# Rotations of ±24° in 4° steps, each also turned by 180° and mirrored: the flips the augmentation
# used (horizontal, vertical, both) composed with its rotation range of ±20°.
ORIENTATIONS = [(a + turn, mirror) for mirror in (False, True) for turn in (0, 180) for a in range(-24, 25, 4)]
DUPLICATE = 0.95
SOURCES = os.path.join(WORK, "crops", "sources")


def pixels(path, angle=0, mirror=False):
    """The crop's disc as a flat RGB vector in [0, 1], and 1 where the pixel shows the slide."""
    image = Image.open(path).convert("RGB")
    a = np.asarray(image)
    shown = Image.fromarray((((a.max(2) > 12) & (a.min(2) < 254)) * 255).astype(np.uint8))
    if mirror:
        image, shown = image.transpose(Image.FLIP_LEFT_RIGHT), shown.transpose(Image.FLIP_LEFT_RIGHT)
    if angle:
        image, shown = image.rotate(angle, resample=Image.BILINEAR), shown.rotate(angle, resample=Image.BILINEAR)
    x = np.asarray(image.resize((SIDE, SIDE), Image.BOX), dtype=np.float32)[DISC] / 255
    w = (np.asarray(shown.resize((SIDE, SIDE), Image.BOX)) > 250)[DISC]
    return np.repeat(w, 3).astype(np.float32), x.reshape(-1)


def masked_ncc(wx, x, wt, t):
    """Correlation of every row of x with every row of t over the pixels both show."""
    xs, ts = wx * x, wt * t
    n = wx @ wt.T + 1e-6
    sx, st = xs @ wt.T, wx @ ts.T
    cov = xs @ ts.T - sx * st / n
    vx = (xs * x) @ wt.T - sx**2 / n
    vt = wx @ (ts * t).T - st**2 / n
    return cov / np.sqrt(np.maximum(vx * vt, 1e-12))


def read_index(folder):
    with open(os.path.join(folder, "index.csv")) as fh:
        return list(csv.DictReader(fh))


def source_templates(sources, folder=SOURCES):
    w, x = zip(*[pixels(os.path.join(folder, s["file"]), a, m) for s in sources for a, m in ORIENTATIONS])
    return np.stack(w), np.stack(x)


def best_sources(folder, rows, sources, templates):
    """Index into sources of each row's best match, its correlation and the runner-up's."""
    w, x = zip(*[pixels(os.path.join(folder, r["file"])) for r in rows])
    w, x = np.stack(w), np.stack(x)
    scores = np.empty((len(rows), len(sources)), np.float32)
    for i in range(0, len(rows), 256):
        c = masked_ncc(w[i : i + 256], x[i : i + 256], *templates)
        scores[i : i + 256] = c.reshape(len(c), len(sources), len(ORIENTATIONS)).max(2)
    order = np.argsort(-scores, 1)
    at = np.arange(len(rows))
    return order[:, 0], scores[at, order[:, 0]], scores[at, order[:, 1]]


def duplicate_groups(sources, templates):
    """Group id per source: sources correlating beyond DUPLICATE (transitively) share one."""
    upright = np.arange(len(sources)) * len(ORIENTATIONS)
    w, t = templates
    c = masked_ncc(w[upright], t[upright], w, t).reshape(len(sources), len(sources), len(ORIENTATIONS)).max(2)
    parent = list(range(len(sources)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(c, 1) >= DUPLICATE)):
        parent[root(j)] = root(i)
    return [root(i) for i in range(len(sources))]


def main(argv):
    check = argv[1] if len(argv) > 1 and argv[0] == "--check" else None
    folder = check or os.path.join(WORK, "crops", "train")
    rows_all, sources_all = read_index(folder), read_index(SOURCES)
    out, right, total = [], 0, 0
    for label in CLASSES:
        rows = [r for r in rows_all if r["label"] == label]
        sources = [s for s in sources_all if s["label"] == label]
        if not rows:
            continue  # blood-cells holds no basophils, though a few BCCD fields are labelled so
        templates = source_templates(sources)
        best, score, runner_up = best_sources(folder, rows, sources, templates)
        # A group is named by its first source's field, so two cells of one field share a name too:
        # the dataset augmented whole fields, and either cell may be the one it labelled.
        group = duplicate_groups(sources, templates)
        name = [f"{label[0]}{sources[g]['field']}" for g in group]
        merged = len(sources) - len(set(name))
        sizes = np.array(list(Counter(name[b] for b in best).values()))
        print(
            f"{label}: {len(rows)} crops → {len(sizes)} groups of {len(sources)} source cells "
            f"({merged} merged as duplicates or cells of one field); group sizes median {int(np.median(sizes))}, "
            f"largest {sizes.max()}; correlation median {np.median(score):.3f}, "
            f"margin to the runner-up below 0.01 for {np.mean(score - runner_up < 0.01):.1%}"
        )
        if check:
            # Synthetic files are named <field>_<copy>; a match counts if it lands in the field's group.
            truth = {s["field"]: name[k] for k, s in enumerate(sources)}
            hits = [truth.get(r["file"].split("/")[1].split("_")[0]) == name[b] for r, b in zip(rows, best)]
            print(f"  known source found for {sum(hits)} of {len(hits)} ({np.mean(hits):.1%})")
            right, total = right + sum(hits), total + len(hits)
        out += [(r["file"], label, name[b]) for r, b in zip(rows, best)]
    if check:
        print(f"all classes: {right} of {total} ({right / total:.1%})")
        return 0
    with open(os.path.join(WORK, "groups.csv"), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "label", "group"])
        writer.writerows(out)
    return 0
