"""How much a validation split leaks: validation crops whose source cell also has training crops.

    cd training && python3 split_leak.py work/groups-kmeans.csv work/groups.csv

The first file's groups make the split (train.load_split's rule); the second says which source
cell each crop comes from (match_sources.py). Prints, per class and in all, the share of
validation crops whose source cell has crops on the training side too, how many of the first file's groups
are held out, and how pure they are (the share of crops in their group's most common source cell).
"""
import csv
import sys
from collections import Counter, defaultdict

from common import CLASSES
from train import load_split


def main(split_csv, source_csv):
    with open(source_csv) as fh:
        source = {r["file"]: r["group"] for r in csv.DictReader(fh)}
    train_rows, val_rows = load_split(split_csv)
    in_train = Counter(source[r["file"]] for r in train_rows)
    in_all = in_train + Counter(source[r["file"]] for r in val_rows)
    # A matched source is wrong for some crops (match_sources.py --check), so a source with a few
    # training crops may be noise; one with a quarter of its crops in training is a leak.
    quarter = {s for s, n in in_train.items() if n >= 0.25 * in_all[s]}
    any_all, quarter_all = 0, 0
    for label in CLASSES:
        val = [source[r["file"]] for r in val_rows if r["label"] == label]
        leaked = sum(s in in_train for s in val)
        leaked_quarter = sum(s in quarter for s in val)
        any_all, quarter_all = any_all + leaked, quarter_all + leaked_quarter
        groups_held = len({r["group"] for r in val_rows if r["label"] == label})
        groups_all = len({r["group"] for r in train_rows + val_rows if r["label"] == label})
        print(f"{label}: {groups_held} of {groups_all} groups held out; of {len(val)} validation crops, "
              f"{leaked / max(1, len(val)):.1%} come from a source "
              f"cell with training crops, {leaked_quarter / max(1, len(val)):.1%} from one with a quarter or "
              f"more of its crops in training")
    print(f"all: {any_all / len(val_rows):.1%} / {quarter_all / len(val_rows):.1%} of {len(val_rows)}")
    members = defaultdict(Counter)
    for r in train_rows + val_rows:
        members[r["group"]][source[r["file"]]] += 1
    pure = sum(c.most_common(1)[0][1] for c in members.values())
    print(f"purity of the split's groups: {pure / (len(train_rows) + len(val_rows)):.1%} of crops are in "
          f"their group's most common source cell")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
