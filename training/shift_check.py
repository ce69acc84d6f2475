"""Validation under simulated lab shift: how a checkpoint holds up when the stain or the optics change.

    cd training && python3 shift_check.py runF/final.pt runH/final.pt   # paths under training/work

The validation split of TRAIN comes from one lab, so it cannot see whether a recipe depends on that
lab's stain. This check reads the same held-out crops under fixed, deterministic shifts that stand
for another laboratory, and never reads lab-b:

- stain, by Beer–Lambert: optical density -ln(I) scaled per colour channel by every combination of
  0.7, 1.0 and 1.4 (26 shifts, the unchanged one left out): darker and paler staining and every
  change in the balance of the dyes. The white background keeps an optical density of 0, so a
  shift changes the stain and not the illumination, which the app's white balance already removes;
- optics: Gaussian blur of 1 and 2 pixels (focus, resolution) and the crop 0.8× and 1.25× the
  size the crop rule gives (a misjudged cell size).

It prints the macro-F1 under each shift and the "shift score": the mean over all 30 shifts.
Training's own augmentation (augment.py) jitters hue, saturation and gain in RGB and YIQ, never in
optical density, so the stain shifts are not the training transform read back.
"""
import itertools
import json
import os
import sys

import torch
import torch.nn.functional as F

import train
from augment import centre_cut
from common import CLASSES, WORK
from mobilenet import CellNet

OD_SCALES = (0.7, 1.0, 1.4)
BLUR_SIGMAS = (1.0, 2.0)
CROP_SCALES = (0.8, 1.25)


def stain(x, scales):
    od = -torch.log(x.clamp(1 / 255, 1))
    return torch.exp(-od * torch.tensor(scales).view(1, 3, 1, 1))


def blur(x, sigma):
    r = int(3 * sigma)
    k = torch.exp(-torch.arange(-r, r + 1).float() ** 2 / (2 * sigma**2))
    k = (k / k.sum()).view(1, 1, 1, -1).repeat(3, 1, 1, 1)
    x = F.conv2d(F.pad(x, (r, r, 0, 0), mode="replicate"), k, groups=3)
    return F.conv2d(F.pad(x, (0, 0, r, r), mode="replicate"), k.transpose(2, 3), groups=3)


def shifts():
    for s in itertools.product(OD_SCALES, repeat=3):
        if s != (1.0, 1.0, 1.0):
            yield f"stain OD×{s[0]}/{s[1]}/{s[2]}", lambda x01, s=s: stain(centre_cut(x01), s)
    for sigma in BLUR_SIGMAS:
        yield f"blur σ={sigma}px", lambda x01, sigma=sigma: blur(centre_cut(x01), sigma)
    for scale in CROP_SCALES:
        # centre_cut's scale is the sampled side over the crop's side: 1.25 shows a 1.25× larger field.
        yield f"crop ×{scale}", lambda x01, scale=scale: centre_cut(x01, scale=torch.full((len(x01),), scale))


def check(path, xv, yv):
    model = CellNet(len(CLASSES))
    model.load_state_dict(torch.load(os.path.join(WORK, path)))
    clean = train.macro_f1(train.predict(model, xv).argmax(1), yv)
    per_shift = {name: train.macro_f1(train.predict(model, xv, view).argmax(1), yv) for name, view in shifts()}
    values = list(per_shift.values())
    stain_values = [v for k, v in per_shift.items() if k.startswith("stain")]
    return {
        "checkpoint": path,
        "cleanMacroF1": clean,
        "shiftScore": sum(values) / len(values),
        "stainMean": sum(stain_values) / len(stain_values),
        "worst": min(per_shift, key=per_shift.get),
        "worstMacroF1": min(values),
        "perShift": per_shift,
    }


def main(paths):
    torch.set_num_threads(2)
    _, val_rows = train.load_split()
    xv, yv = train.load_images(val_rows)
    for path in paths:
        r = check(path, xv, yv)
        print(json.dumps(r, indent=2), flush=True)
        print(f"{path}: clean {r['cleanMacroF1']:.4f}, shift score {r['shiftScore']:.4f} "
              f"(stain {r['stainMean']:.4f}), worst {r['worstMacroF1']:.4f} ({r['worst']})", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 shift_check.py <checkpoint under training/work> …")
    main(sys.argv[1:])
