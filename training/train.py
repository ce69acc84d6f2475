"""Trains the shipped classifier: `python3 training/train.py` (CPU, 2 cores, fixed seeds).

Inputs: training/work/crops/train (npm run export-crops) and training/work/groups.csv
(group_sources.py). The validation split holds out whole source-cell groups (20 % per class);
model selection, early stopping, temperature scaling and the review threshold use it alone.
Writes training/work/best.pt, training/work/train-log.csv and training/work/validation.json.
"""
import csv
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from augment import centre_cut, colour, geometric
from common import CLASSES, NORM_OFFSET, NORM_SCALE, PRETRAINED, WORK
from mobilenet import CellNet, load_imagenet
from calibration import fit_temperature, review_threshold

SEED = 20261125
EPOCHS = int(os.environ.get("EPOCHS", 12))
PATIENCE = 4
BATCH = 64
LR = 1e-3
WEIGHT_DECAY = 1e-4
VAL_SHARE = 0.2


def load_split():
    with open(os.path.join(WORK, "groups.csv")) as fh:
        rows = list(csv.DictReader(fh))
    rng = random.Random(SEED)
    val_groups = set()
    for label in CLASSES:
        groups = sorted({r["group"] for r in rows if r["label"] == label})
        rng.shuffle(groups)
        count = {gr: sum(1 for r in rows if r["group"] == gr) for gr in groups}
        total, taken = sum(count.values()), 0
        for gr in groups:
            if taken >= VAL_SHARE * total:
                break
            val_groups.add(gr)
            taken += count[gr]
    train = [r for r in rows if r["group"] not in val_groups]
    val = [r for r in rows if r["group"] in val_groups]
    return train, val


def load_images(rows):
    crops = os.path.join(WORK, "crops", "train")
    x = np.stack([np.asarray(Image.open(os.path.join(crops, r["file"])).convert("RGB")) for r in rows])
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(y)


def normalise(x01):
    return (x01 * 255.0) * NORM_SCALE + NORM_OFFSET


@torch.no_grad()
def predict(model, x_u8):
    model.eval()
    logits = []
    for i in range(0, len(x_u8), 256):
        x = centre_cut(x_u8[i : i + 256].float() / 255.0)
        logits.append(model(normalise(x).contiguous(memory_format=torch.channels_last)))
    return torch.cat(logits)


def macro_f1(pred, y):
    f1s = []
    for c in range(len(CLASSES)):
        tp = ((pred == c) & (y == c)).sum().item()
        p = tp / max(1, (pred == c).sum().item())
        r = tp / max(1, (y == c).sum().item())
        f1s.append(0 if p + r == 0 else 2 * p * r / (p + r))
    return sum(f1s) / len(f1s)


def main():
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    random.seed(SEED)
    torch.set_num_threads(2)
    train_rows, val_rows = load_split()
    print(f"train {len(train_rows)} crops / {len({r['group'] for r in train_rows})} groups; "
          f"val {len(val_rows)} crops / {len({r['group'] for r in val_rows})} groups", flush=True)
    xt, yt = load_images(train_rows)
    xv, yv = load_images(val_rows)
    model = CellNet(len(CLASSES), dropout=0.2)
    load_imagenet(model, PRETRAINED)
    model = model.to(memory_format=torch.channels_last)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    steps_per_epoch = len(xt) // BATCH
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, LR, total_steps=EPOCHS * steps_per_epoch, pct_start=0.1)
    g = torch.Generator().manual_seed(SEED)
    log_path = os.path.join(WORK, "train-log.csv")
    with open(log_path, "w") as fh:
        fh.write("epoch,seconds,train_loss,val_loss,val_accuracy,val_macro_f1,lr\n")
    best, since_best = None, 0
    for epoch in range(1, EPOCHS + 1):
        model.train()
        started, losses = time.time(), []
        order = torch.randperm(len(xt), generator=g)
        for step in range(steps_per_epoch):
            idx = order[step * BATCH : (step + 1) * BATCH]
            x = colour(geometric(xt[idx].float() / 255.0, g), g)
            logits = model(normalise(x).contiguous(memory_format=torch.channels_last))
            loss = F.cross_entropy(logits, yt[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        logits = predict(model, xv)
        val_loss = F.cross_entropy(logits, yv).item()
        pred = logits.argmax(1)
        acc = (pred == yv).float().mean().item()
        f1 = macro_f1(pred, yv)
        secs = time.time() - started
        line = f"{epoch},{secs:.0f},{np.mean(losses):.4f},{val_loss:.4f},{acc:.4f},{f1:.4f},{sched.get_last_lr()[0]:.2e}"
        print(f"epoch {epoch}: {secs:.0f}s train_loss {np.mean(losses):.4f} val_loss {val_loss:.4f} "
              f"val_acc {acc:.4f} val_macroF1 {f1:.4f}", flush=True)
        with open(log_path, "a") as fh:
            fh.write(line + "\n")
        score = (f1, -val_loss)
        if best is None or score > best:
            best, since_best = score, 0
            torch.save(model.state_dict(), os.path.join(WORK, "best.pt"))
        else:
            since_best += 1
            if since_best >= PATIENCE:
                print(f"early stop: no gain in {PATIENCE} epochs", flush=True)
                break
    model.load_state_dict(torch.load(os.path.join(WORK, "best.pt")))
    logits = predict(model, xv)
    t = fit_temperature(logits, yv)
    probs = F.softmax(logits / t, 1)
    threshold, kept_accuracy, kept_share = review_threshold(probs, yv, 0.99)
    summary = {
        "seed": SEED,
        "trainCrops": len(train_rows),
        "valCrops": len(val_rows),
        "trainGroups": len({r["group"] for r in train_rows}),
        "valGroups": len({r["group"] for r in val_rows}),
        "bestValMacroF1": best[0],
        "bestValLoss": -best[1],
        "valAccuracy": (probs.argmax(1) == yv).float().mean().item(),
        "temperature": t,
        "reviewThreshold": threshold,
        "valAccuracyAboveThreshold": kept_accuracy,
        "valShareAboveThreshold": kept_share,
    }
    with open(os.path.join(WORK, "validation.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    sys.exit(main())
