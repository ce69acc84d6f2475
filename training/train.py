"""Trains the classifier on the crops of one or more laboratories, as a recipe says.

    python3 -m training train --recipe training/recipes/two-labs.json

Reads the context crops (scripts/build-data/export-crops.ts) and the splits of data.py. Every epoch draws up
to `cropsPerEpoch[lab]` crops of each training lab (blood-cells repeats each of its cells ~35
times, pbc shows each once), trains, re-estimates the batch-norm statistics on un-jittered crops
and reads each lab's validation crops. The final epoch is kept: nothing is chosen on validation
but the temperature and the review threshold, fitted on the validation crops of the labs trained
on. A lab read but not trained on (leave-one-lab-out) shows how the recipe carries to a new lab.
Writes final.pt, train-log.csv and validation.json to the run folder.
"""
import json
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from .augment import augment, centre_cut, input_size
from .calibration import fit_temperature, review_threshold
from .common import CLASSES, INPUT_SIZE, NORM_OFFSET, NORM_SCALE, PRETRAINED
from .data import load_lab
from .mobilenet import CellNet, load_imagenet
from .stain_normalise import reference as stain_reference
from .stain_normalise import stain_normalise


def normalise(x01):
    return (x01 * 255.0) * NORM_SCALE + NORM_OFFSET


def network_input(x01, stain_ref=None):
    """What the network reads: a crop in [0, 1], stain-normalised when the recipe asks, then scaled."""
    if stain_ref is not None:
        x01 = stain_normalise(x01, stain_ref)
    return normalise(x01).contiguous(memory_format=torch.channels_last)


@torch.no_grad()
def predict(model, x_u8, stain_ref=None, size=INPUT_SIZE):
    """Logits of context crops seen through the app's crop (the centre cut)."""
    model.eval()
    out = []
    for i in range(0, len(x_u8), 256):
        x = centre_cut(x_u8[i : i + 256].float() / 255.0, size=size)
        out.append(model(network_input(x, stain_ref)))
    return torch.cat(out) if out else torch.zeros(0, len(CLASSES))


@torch.no_grad()
def recalibrate_bn(model, x_u8, stain_ref=None, size=INPUT_SIZE):
    """Batch-norm statistics as a plain average over un-jittered crops: the running averages
    otherwise lag the weights and mix in the colour-jittered batches."""
    bns = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    for bn in bns:
        bn.reset_running_stats()
        bn.momentum = None
    model.train()
    for i in range(0, len(x_u8), 256):
        model(network_input(centre_cut(x_u8[i : i + 256].float() / 255.0, size=size), stain_ref))
    for bn in bns:
        bn.momentum = 0.01


def scores(pred, y, classes):
    """Accuracy and macro-F1 over the classes a set holds (those in `classes`)."""
    keep = torch.isin(y, torch.tensor(classes))
    pred, y = pred[keep], y[keep]
    f1s = []
    for c in sorted(set(y.tolist())):
        tp = ((pred == c) & (y == c)).sum().item()
        p = tp / max(1, (pred == c).sum().item())
        r = tp / max(1, (y == c).sum().item())
        f1s.append(0 if p + r == 0 else 2 * p * r / (p + r))
    return {"crops": int(len(y)), "accuracy": float((pred == y).float().mean()), "macroF1": float(np.mean(f1s))}


def calibrate(per_lab_logits, per_lab_y, target):
    """One temperature for all labs and the review threshold that keeps unmarked cells right
    ≥ target in every lab: the strictest lab's. The temperature is the softest of the labs' own
    (each lab's likelihood-best T): one fitted to the labs pooled sat between a lab read 96 % right
    and one read 82 % right and left the second over-confident (training/results/README.md); a
    lab never seen reads worse still, so the lab read least well sets how sure the model may be."""
    grid = torch.exp(torch.linspace(-2.5, 2.5, 201))
    own = [float(grid[torch.stack([F.cross_entropy(lg / t, y) for t in grid]).argmin()])
           for lg, y in zip(per_lab_logits, per_lab_y)]
    t = max(own)
    thresholds = [review_threshold(F.softmax(lg / t, 1), y, target)[0] for lg, y in zip(per_lab_logits, per_lab_y)]
    threshold = max(thresholds)
    labs = []
    for lg, y in zip(per_lab_logits, per_lab_y):
        conf, pred = F.softmax(lg / t, 1).max(1)
        kept = conf >= threshold
        labs.append({"unmarkedShare": float(kept.float().mean()),
                     "unmarkedAccuracy": float((pred[kept] == y[kept]).float().mean()) if kept.any() else None})
    return {"temperature": t, "labTemperatures": own, "reviewTarget": target, "reviewThreshold": threshold}, labs


def epoch_batches(lab_sizes, batch, by_lab, g):
    """The epoch's batches as indices into the labs' crops laid end to end. By lab, every batch
    holds one lab's crops, so batch norm standardises each lab by its own statistics while
    training: the trunk learns what is left once a lab's colour and contrast are taken out, the
    very operation that calibrating to a case does at inference. Batches of the labs interleave."""
    if not by_lab:
        order = torch.randperm(sum(lab_sizes), generator=g)
        return [order[i * batch : (i + 1) * batch] for i in range(sum(lab_sizes) // batch)]
    batches, start = [], 0
    for n in lab_sizes:
        order = start + torch.randperm(n, generator=g)
        batches += [order[i * batch : (i + 1) * batch] for i in range(n // batch)]
        start += n
    return [batches[i] for i in torch.randperm(len(batches), generator=g).tolist()]


def train(recipe, out):
    seed = recipe["seed"]
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", 2)))
    os.makedirs(out, exist_ok=True)
    size = input_size(recipe)
    labs = {lab: load_lab(lab, size) for lab in sorted(set(recipe["trainLabs"]) | set(recipe["readLabs"]))}
    trained = recipe["trainLabs"]
    classes = sorted(set().union(*(set(labs[lab]["train"][1].tolist()) for lab in trained)))
    for lab, parts in labs.items():
        print(f"{lab}: train {len(parts['train'][1])} crops, validation {len(parts['validation'][1])}", flush=True)
    model = CellNet(len(CLASSES), dropout=0.2)
    load_imagenet(model, PRETRAINED)
    model = model.to(memory_format=torch.channels_last)
    lr = recipe["learningRate"]
    opt = torch.optim.AdamW(
        [{"params": model.trunk.parameters()}, {"params": model.head.parameters()}], lr=lr, weight_decay=1e-4
    )
    per_epoch = {lab: min(recipe["cropsPerEpoch"][lab], len(labs[lab]["train"][1])) for lab in trained}
    batch = recipe["batch"]
    steps = sum(n // batch for n in per_epoch.values()) if recipe["batchesByLab"] else sum(per_epoch.values()) // batch
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, [lr * recipe["trunkLearningRate"], lr], total_steps=recipe["epochs"] * steps, pct_start=0.1
    )
    g = torch.Generator().manual_seed(seed)
    # Classes no training lab holds (basophils, when only blood-cells is trained on) get no logit.
    absent = torch.tensor([c not in classes for c in range(len(CLASSES))])
    bn_x = torch.cat([labs[lab]["train"][0][torch.randperm(len(labs[lab]["train"][1]), generator=g)[:1024]]
                      for lab in trained])
    stain_ref = None
    if recipe["stainNormalisation"]:
        stain_ref = stain_reference(centre_cut(bn_x.float() / 255.0, size=size).mul(255).round().to(torch.uint8))
        print(f"stain reference (optical density at the percentile): {stain_ref.tolist()}", flush=True)
    log_path = os.path.join(out, "train-log.csv")
    read = sorted(labs)
    with open(log_path, "w") as fh:
        fh.write("epoch,seconds,train_loss," + ",".join(f"{lab}_accuracy,{lab}_macro_f1" for lab in read) + "\n")
    for epoch in range(1, recipe["epochs"] + 1):
        started = time.time()
        xs, ys = [], []
        for lab in trained:
            x, y = labs[lab]["train"]
            pick = torch.randperm(len(y), generator=g)[: per_epoch[lab]]
            xs.append(x[pick])
            ys.append(y[pick])
        x_all, y_all = torch.cat(xs), torch.cat(ys)
        batches = epoch_batches([len(y) for y in ys], batch, recipe["batchesByLab"], g)
        model.train()
        losses = []
        for idx in batches:
            x = augment(x_all[idx].float() / 255.0, g, recipe)
            logits = model(network_input(x, stain_ref))
            logits = logits.masked_fill(absent, -1e4)
            loss = F.cross_entropy(logits, y_all[idx], label_smoothing=recipe["labelSmoothing"])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        recalibrate_bn(model, bn_x, stain_ref, size)
        secs = time.time() - started
        row = [str(epoch), f"{secs:.0f}", f"{np.mean(losses):.4f}"]
        report = []
        for lab in read:
            xv, yv = labs[lab]["validation"]
            s = scores(predict(model, xv, stain_ref, size).masked_fill(absent, -1e4).argmax(1), yv, classes)
            row += [f"{s['accuracy']:.4f}", f"{s['macroF1']:.4f}"]
            report.append(f"{lab} acc {s['accuracy']:.4f} F1 {s['macroF1']:.4f}")
        print(f"epoch {epoch}: {secs:.0f}s loss {np.mean(losses):.4f}; " + "; ".join(report), flush=True)
        with open(log_path, "a") as fh:
            fh.write(",".join(row) + "\n")
    torch.save(model.state_dict(), os.path.join(out, "final.pt"))
    logits = {lab: predict(model, labs[lab]["validation"][0], stain_ref, size).masked_fill(absent, -1e4) for lab in read}
    calibration, unmarked = calibrate([logits[lab] for lab in trained], [labs[lab]["validation"][1] for lab in trained],
                                      recipe["reviewTarget"])
    summary = {
        "recipe": recipe,
        "classesTrained": [CLASSES[c] for c in classes],
        "selected": f"final epoch ({recipe['epochs']})",
        **({"stainReference": stain_ref.tolist()} if stain_ref is not None else {}),
        **calibration,
        "validation": {
            lab: {
                "trainedOn": lab in trained,
                **scores(logits[lab].argmax(1), labs[lab]["validation"][1], classes),
                **({"review": unmarked[trained.index(lab)]} if lab in trained else {}),
            }
            for lab in read
        },
    }
    with open(os.path.join(out, "validation.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
    print(json.dumps(summary["validation"], indent=2))
    return summary


def recalibrate(run):
    """Fits a run's temperature and review threshold again by calibrate(), from its final.pt and its
    trained labs' validation crops, and rewrites them in its validation.json; the weights and every
    other figure stay as trained."""
    path = os.path.join(run, "validation.json")
    with open(path) as fh:
        summary = json.load(fh)
    recipe = summary["recipe"]
    if recipe.get("stainNormalisation") or (recipe.get("inputSize") or INPUT_SIZE) != INPUT_SIZE:
        raise SystemExit(f"{run}: trained with stain normalisation or another input size; not recalibrated")
    model = CellNet(len(CLASSES))
    model.load_state_dict(torch.load(os.path.join(run, "final.pt")))
    model.eval()
    classes = [CLASSES.index(c) for c in summary["classesTrained"]]
    absent = torch.tensor([c not in classes for c in range(len(CLASSES))])
    trained = recipe["trainLabs"]
    validation = {lab: load_lab(lab)["validation"] for lab in trained}
    logits = [predict(model, validation[lab][0]).masked_fill(absent, -1e4) for lab in trained]
    calibration, unmarked = calibrate(logits, [validation[lab][1] for lab in trained], recipe["reviewTarget"])
    before = {k: summary.get(k) for k in calibration}
    summary.update(calibration)
    for lab, review in zip(trained, unmarked):
        summary["validation"][lab]["review"] = review
    with open(path, "w") as fh:
        json.dump(summary, fh, indent=2)
    print(f"{run}: {before} → {calibration}")
    print(json.dumps({lab: summary["validation"][lab]["review"] for lab in trained}, indent=2))
