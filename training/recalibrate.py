"""Refits a held-out run's final-epoch calibration under the current review rule, without retraining.

    cd training && python3 recalibrate.py runL [runLR]   # run folders under training/work

Prints, for a few review targets, the threshold each gives on validation, the share of held-out
crops left unmarked and their accuracy; then rewrites `finalEpoch` in <run>/validation.json with
calibration.REVIEW_TARGET, and, for a refit of that run (REFIT=<run>), the calibration its own
validation.json copied from it. The temperature does not depend on the target and comes out the same.
"""
import json
import os
import sys

import torch
import torch.nn.functional as F

import train
from calibration import REVIEW_TARGET, review_threshold
from common import CLASSES, WORK
from mobilenet import CellNet

TARGETS = (0.99, 0.98, 0.97, 0.95)


def main(run, refit=None):
    torch.set_num_threads(2)
    _, val_rows = train.load_split()
    xv, yv = train.load_images(val_rows)
    model = CellNet(len(CLASSES))
    model.load_state_dict(torch.load(os.path.join(WORK, run, "final.pt")))
    logits = train.predict(model, xv)
    final = train.calibrate(logits, yv)
    probs = F.softmax(logits / final["temperature"], 1)
    print(f"{run}, final epoch, {len(yv)} validation crops, T = {final['temperature']:.3f}")
    print("target  threshold  unmarked  accuracy of the unmarked")
    for target in TARGETS:
        threshold, accuracy, share = review_threshold(probs, yv, target)
        print(f"{target:.2f}    {threshold:.3f}      {share:6.1%}    {accuracy:6.1%}")
    update(os.path.join(WORK, run, "validation.json"), lambda v: {**v, "finalEpoch": final})
    if refit:
        update(os.path.join(WORK, refit, "validation.json"), lambda v: {**v, **final})
    print(f"review target {REVIEW_TARGET}: threshold {final['reviewThreshold']:.4f}")


def update(path, change):
    with open(path) as fh:
        value = json.load(fh)
    with open(path, "w") as fh:
        json.dump(change(value), fh, indent=2)
    print(f"wrote {path}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python3 recalibrate.py <held-out run> [<its refit>]")
    main(*sys.argv[1:])
