"""Validation macro-F1 of a "model soup" (Wortsman et al. 2022): the weights of several fine-tunings
from the same ImageNet start averaged into one network, costing nothing more at inference.

    cd training && python3 soup.py runF/final.pt runG/final.pt   # paths under training/work

Batch-norm statistics are re-estimated on training crops after averaging, as train.py does.
Reads the validation split only.
"""
import os
import sys

import torch

import train
from common import CLASSES, WORK
from mobilenet import CellNet


def main(paths):
    torch.set_num_threads(2)
    train_rows, val_rows = train.load_split()
    xv, yv = train.load_images(val_rows)
    xt, _ = train.load_images(train_rows)
    bn_x = xt[torch.randperm(len(xt), generator=torch.Generator().manual_seed(train.SEED))[: train.BN_CROPS]]
    states = [torch.load(os.path.join(WORK, p)) for p in paths]
    soup = {k: sum(s[k].float() for s in states) / len(states) if states[0][k].is_floating_point() else states[0][k]
            for k in states[0]}
    model = CellNet(len(CLASSES))
    model.load_state_dict(soup)
    train.recalibrate_bn(model, bn_x)
    loss, acc, f1 = train.validate(model, xv, yv)
    print(f"soup of {' + '.join(paths)}: validation accuracy {acc:.4f}, macro-F1 {f1:.4f}, loss {loss:.4f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 soup.py <checkpoint under training/work> …")
    main(sys.argv[1:])
