"""Each lab's validation cells read as shipped and after calibrating to skewed cases of them.

`python3 -m training calibrated-validation --run training/work/<run>` mirrors what the app does
when it calibrates a case (src/core/case-statistics-pass.ts), so that recipe choices, per-lab
batch norm above all, are made on the reading a lab gets: draw a seeded case of 100 validation
cells as a real differential (N 60, L 30, M 6, E 3, B 1, IG 1, erythroblast 1, renormalised over
the classes the lab holds), weigh each cell by 1 / the count of its class as read (at least `--floor` of the case), and
re-standardise every batch norm's input, step by step in order, from the case's statistics
blended with the training labs' to the training labs'; `--rounds` times, each from the shipped
weights and balanced by the last round's reading of the case; then read the lab's whole
validation set.
Validation only: no test cell is read.
"""
import json
import os
import sys

import numpy as np
import torch

from .augment import centre_cut, input_size
from .common import CLASSES
from .data import load_lab
from .mobilenet import CellNet
from .train import network_input, predict, scores

SKEWED = {"NEUTROPHIL": 60, "LYMPHOCYTE": 30, "MONOCYTE": 6, "EOSINOPHIL": 3, "BASOPHIL": 1, "IG": 1,
          "ERYTHROBLAST": 1}


def draw_case(y, cells, rng):
    """Indices of a case of `cells` cells drawn as SKEWED over the classes y holds."""
    held = {CLASSES[c]: np.flatnonzero(y.numpy() == c) for c in sorted(set(y.tolist()))}
    weights = {k: SKEWED[k] for k in held}
    total = sum(weights.values())
    picks = []
    for k, w in weights.items():
        n = max(0, round(cells * w / total))
        picks += rng.choice(held[k], size=min(n, len(held[k])), replace=False).tolist()
    return np.array(picks)


def class_balanced_weights(read, floor):
    """The app's classBalancedWeights: 1 / the count of each cell's class as read, a class
    counting as at least `floor` of the case's cells."""
    counts = np.bincount(read, minlength=len(CLASSES))
    return 1.0 / np.maximum(counts[read], floor * len(read))


@torch.no_grad()
def calibrate_to(model, x, weights, blend, size):
    """Sets every batch norm's statistics to the case's (weighted, blended with the training
    labs'), one step at a time so that each step sees the steps before it calibrated."""
    bns = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    model.eval()
    w = torch.tensor(weights / weights.sum(), dtype=torch.float32)
    inp = network_input(centre_cut(x.float() / 255.0, size=size))
    for bn in bns:
        seen = {}
        handle = bn.register_forward_pre_hook(lambda _m, args: seen.setdefault("z", args[0]))
        model(inp)
        handle.remove()
        z = seen["z"]
        per_cell_mean = z.mean((2, 3))
        per_cell_sq = (z * z).mean((2, 3))
        mean = (w[:, None] * per_cell_mean).sum(0)
        var = ((w[:, None] * per_cell_sq).sum(0) - mean * mean).clamp_min(0)
        m2, v2 = bn.running_mean.clone(), bn.running_var.clone()
        bn.running_mean.copy_(blend * mean + (1 - blend) * m2)
        bn.running_var.copy_(blend * var + (1 - blend) * v2 + blend * (1 - blend) * (mean - m2) ** 2)


def main(args):
    run = args.run
    with open(os.path.join(run, "validation.json")) as fh:
        summary = json.load(fh)
    recipe = summary["recipe"]
    size = input_size(recipe)
    state = torch.load(os.path.join(run, "final.pt"), map_location="cpu")
    classes = [CLASSES.index(c) for c in summary["classesTrained"]]
    absent = torch.tensor([c not in classes for c in range(len(CLASSES))])
    rng = np.random.default_rng(args.seed)
    out = {}
    for lab in recipe["readLabs"]:
        xv, yv = load_lab(lab, size)["validation"]
        model = CellNet(len(CLASSES))
        model.load_state_dict(state)
        shipped = predict(model, xv, None, size).masked_fill(absent, -1e4)
        base = scores(shipped.argmax(1), yv, classes)
        accs = []
        for _ in range(args.draws):
            case = draw_case(yv, args.cells, rng)
            read = shipped[case].argmax(1).numpy()
            for r in range(args.rounds):
                # Each round starts from the shipped weights, balanced by the last round's reading.
                if r:
                    read = predict(model, xv[case], None, size).masked_fill(absent, -1e4).argmax(1).numpy()
                model.load_state_dict(state)
                calibrate_to(model, xv[case], class_balanced_weights(read, args.floor), args.blend, size)
            logits = predict(model, xv, None, size).masked_fill(absent, -1e4)
            accs.append(scores(logits.argmax(1), yv, classes)["accuracy"])
        out[lab] = {"shipped": base["accuracy"], "calibrated": float(np.mean(accs)), "draws": accs}
        print(f"{lab}: validation {len(yv)} cells, shipped {base['accuracy']:.4f}, calibrated "
              f"{np.mean(accs):.4f} ({', '.join(f'{a:.4f}' for a in accs)}; blend {args.blend}, floor {args.floor}, "
              f"{args.rounds} round(s), "
              f"{args.draws} cases of {args.cells})", flush=True)
    with open(os.path.join(run, "calibrated-validation.json"), "w") as fh:
        json.dump({"blend": args.blend, "floor": args.floor, "rounds": args.rounds, "cells": args.cells, "seed": args.seed, "labs": out}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
