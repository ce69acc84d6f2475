"""The leave-one-lab-out comparison: each recipe choice, trained on one lab and read on the other.

    python3 -m training compare [--runs training/work]

For every run folder whose recipe trains on one lab, reads the macro-F1 on the lab it never saw and
on its own lab's validation. Runs that differ only in their seed (`+seed=N` in the name) are one
choice: the table gives their mean and each seed's figure, because in a short run the seed alone
moves the unseen lab's score by as much as a choice does. A choice carries to a new lab when its
mean beats the recipe defaults' in both directions by more than the defaults' own seed spread.
"""
import json
import os
from collections import defaultdict


def choice_of(name):
    """'pbc-to-blood-cells+sharpenToo=true+seed=7' → ('pbc-to-blood-cells', 'sharpenToo=true')."""
    base, *changes = name.split("+")
    kept = [c for c in changes if not c.startswith("seed=")]
    return base, "+".join(kept) or "recipe defaults"


def rows(folder):
    """{(own lab, unseen lab, choice): [(unseen macro-F1, own macro-F1), …] one per seed}."""
    out = defaultdict(list)
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name, "validation.json")
        if not os.path.exists(path):
            continue
        with open(path) as fh:
            v = json.load(fh)
        trained = v["recipe"]["trainLabs"]
        if len(trained) != 1:
            continue
        unseen = [lab for lab, s in v["validation"].items() if not s["trainedOn"]]
        if not unseen:
            continue
        _, choice = choice_of(name)
        out[(trained[0], unseen[0], choice)].append(
            (v["validation"][unseen[0]]["macroF1"], v["validation"][trained[0]]["macroF1"])
        )
    return out


def main(args):
    table = rows(args.runs)
    print("| direction | choice | seeds | unseen lab macro-F1, mean (each seed) | own lab macro-F1, mean |")
    print("| --- | --- | --- | --- | --- |")
    for (own, unseen, choice), runs in sorted(table.items(), key=lambda kv: (kv[0][0], kv[0][2] != "recipe defaults", kv[0][2])):
        unseen_f1 = [r[0] for r in runs]
        own_f1 = [r[1] for r in runs]
        each = ", ".join(f"{f:.3f}" for f in unseen_f1)
        print(f"| {own} → {unseen} | {choice} | {len(runs)} | {sum(unseen_f1) / len(runs):.3f} ({each}) "
              f"| {sum(own_f1) / len(runs):.3f} |")
    return 0
