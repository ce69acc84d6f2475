"""The leave-one-lab-out comparison: each recipe choice, trained on one lab and read on the other.

    python3 -m training compare [--runs training/work]

For every run folder whose recipe trains on one lab, prints a Markdown table row: the choice (what
the run's name adds to its recipe), the macro-F1 on the lab it never saw, and on its own lab's
validation. A choice carries to a new lab when it raises the unseen lab's score in both directions.
"""
import json
import os


def rows(folder):
    out = []
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
        base, _, choice = name.partition("+")
        out.append((base, choice or "recipe defaults", trained[0], unseen[0],
                    v["validation"][unseen[0]]["macroF1"], v["validation"][trained[0]]["macroF1"]))
    return out


def main(args):
    table = rows(args.runs)
    print("| direction | choice | unseen lab macro-F1 | own lab macro-F1 |")
    print("| --- | --- | --- | --- |")
    for base, choice, own, unseen, f1_unseen, f1_own in sorted(table):
        print(f"| {own} → {unseen} | {choice} | {f1_unseen:.3f} | {f1_own:.3f} |")
    return 0
