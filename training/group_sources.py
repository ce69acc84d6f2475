"""Groups the TRAIN images by the source cell they were augmented from.

The blood-cells TRAIN images are ~35 augmentations (rotation, flip, shift, zoom, brightness)
each of 277 source cells (E 75, L 27, M 16, N 159, per ../shared/data/README.md), and their file
names do not say which. A validation split of random images leaks, so we split by source cell.

Whole-field matching against bccd/JPEGImages failed here (zoom and shift move the field too
much for thumbnail correlation), so we cluster the cell crops instead. The crops come from the
app's own localisation, centred on the cell and scaled by its size, so shift and zoom are
already undone; what is left is rotation and flip, which the descriptor removes: colour sampled
on rings around the centre, then the magnitude of its Fourier series around each ring (a
rotation shifts the angle, a flip reverses it, neither changes the magnitudes). k-means with k
set to the known number of source cells of each class then gives the groups.
Writes training/work/groups-kmeans.csv (file,label,group).

Superseded by match_sources.py, which finds each crop's source cell itself: these groups mixed
source cells, and the split they made leaked (split_leak.py measures by how much). Kept so that
the runs of sessions 1–4, made on this split, can be reproduced and the leak measured.
"""
import csv
import os
import sys

import numpy as np
from PIL import Image

from common import CLASSES, WORK

SOURCE_CELLS = {"EOSINOPHIL": 75, "LYMPHOCYTE": 27, "MONOCYTE": 16, "NEUTROPHIL": 159}
RADII = np.linspace(0.04, 0.33, 10)  # of the crop side; the cell itself spans about ±0.33
ANGLES = 32
HARMONICS = 6


def descriptor(path):
    a = np.asarray(Image.open(path).convert("RGB").resize((64, 64), Image.BOX), dtype=np.float32) / 255.0
    theta = np.linspace(0, 2 * np.pi, ANGLES, endpoint=False)
    ys = 32 + np.outer(RADII * 64, np.sin(theta))
    xs = 32 + np.outer(RADII * 64, np.cos(theta))
    ring = a[np.clip(ys.round().astype(int), 0, 63), np.clip(xs.round().astype(int), 0, 63)]  # R × A × 3
    spectrum = np.abs(np.fft.rfft(ring, axis=1))[:, :HARMONICS] / ANGLES
    return spectrum.reshape(-1)


def kmeans(x, k, seed=0, iters=50):
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)]
    for _ in range(iters):
        d = ((x[:, None, :] - centres[None]) ** 2).sum(2)
        assign = d.argmin(1)
        for j in range(k):
            members = x[assign == j]
            centres[j] = members.mean(0) if len(members) else x[rng.integers(len(x))]
    return assign


def main():
    crops = os.path.join(WORK, "crops", "train")
    rows = []
    for label in CLASSES:
        files = sorted(os.listdir(os.path.join(crops, label)))
        x = np.stack([descriptor(os.path.join(crops, label, f)) for f in files])
        x = (x - x.mean(0)) / (x.std(0) + 1e-6)
        assign = kmeans(x, SOURCE_CELLS[label])
        sizes = np.bincount(assign, minlength=SOURCE_CELLS[label])
        print(f"{label}: {len(files)} crops in {SOURCE_CELLS[label]} groups, sizes median {int(np.median(sizes))}, min {sizes.min()}, max {sizes.max()}")
        rows += [(f"{label}/{f}", label, f"{label[0]}{g:03d}") for f, g in zip(files, assign)]
    with open(os.path.join(WORK, "groups-kmeans.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "label", "group"])
        w.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
