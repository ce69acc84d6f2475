"""Tells which BCCD source cell each blood-cells TEST image was augmented from: its groups.

TEST's 2,487 images are augmented copies of about 71 source cells, so an interval over its images
is as narrow as if every copy were a new cell. This matches each TEST crop to the source crops of
its class exactly as match_sources.py matches TRAIN (normalised cross-correlation under the
rotations and flips the augmentation allows; sources that are duplicates share a group) and
writes training/splits/blood-cells-test-groups.csv (file,group), which scripts/lib/source-groups.ts
reads to bootstrap TEST's interval over source cells. An image in which no cell was found has no
crop and is left out of the file: the bootstrap counts it as a group of its own.

Rebuild (Debian's python3 has numpy and PIL; about a minute after the crops):
  npx tsx scripts/build-data/export-source-crops.ts --bccd ../shared/data/bccd --out training/work/test-groups/crops/sources
  npx tsx scripts/build-data/export-crops.ts --data ../shared/data/blood-cells/TEST --out training/work/test-groups/crops/test
  /usr/bin/python3 -m training.match_test_sources
"""
import csv
import os
import sys
from collections import Counter

import numpy as np

from .common import CLASSES, DATA, ROOT, WORK
from .match_sources import best_sources, duplicate_groups, read_index, source_templates

CROPS = os.path.join(WORK, "test-groups", "crops")
TEST = os.path.join(DATA, "blood-cells", "TEST")
OUT = os.path.join(ROOT, "training", "splits", "blood-cells-test-groups.csv")
TRAIN_GROUPS = os.path.join(WORK, "groups.csv")


def main(argv):
    folder, sources_dir = os.path.join(CROPS, "test"), os.path.join(CROPS, "sources")
    rows_all, sources_all = read_index(folder), read_index(sources_dir)
    out, report = [], []
    for label in CLASSES:
        rows = [r for r in rows_all if r["label"] == label]
        sources = [s for s in sources_all if s["label"] == label]
        if not rows:
            continue
        templates = source_templates(sources, sources_dir)
        best, score, runner_up = best_sources(folder, rows, sources, templates)
        group = duplicate_groups(sources, templates)
        name = [f"{label[0]}{sources[g]['field']}" for g in group]
        sizes = np.array(list(Counter(name[b] for b in best).values()))
        report.append(
            f"{label}: {len(rows)} TEST crops → {len(sizes)} source-cell groups; group sizes median "
            f"{int(np.median(sizes))}, smallest {sizes.min()}, largest {sizes.max()}; correlation median "
            f"{np.median(score):.3f}, below 0.9 for {np.mean(score < 0.9):.1%}; margin to the runner-up "
            f"below 0.01 for {np.mean(score - runner_up < 0.01):.1%}"
        )
        for r, b in zip(rows, best):
            out.append((os.path.relpath(r["source"], TEST).replace(os.sep, "/"), name[b]))
    print("\n".join(report))
    images = sum(len(files) for _, _, files in os.walk(TEST))
    print(f"{len(out)} of {images} TEST images grouped into {len(set(g for _, g in out))} source cells; "
          f"{images - len(out)} without a crop (no cell found) count as groups of their own")
    if os.path.exists(TRAIN_GROUPS):
        with open(TRAIN_GROUPS) as fh:
            train = {row["group"] for row in csv.DictReader(fh)}
        shared = sorted({g for _, g in out} & train)
        print(f"source cells shared with TRAIN's groups ({TRAIN_GROUPS}): {len(shared)} {' '.join(shared)}")
    out.sort()
    with open(OUT, "w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "group"])
        writer.writerows(out)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
