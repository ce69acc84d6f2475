"""Batch augmentation in PyTorch: geometry a microscope allows, and colour that labs differ in.

Crops arrive with TRAINING_CONTEXT margin (written by scripts/export-crops.ts); every geometric
transform ends in a centre cut of the size the app's crop rule gives, so a rotated corner never
reaches the network.
"""
import math
import os

import torch
import torch.nn.functional as F

from common import INPUT_SIZE, TRAINING_CONTEXT


def centre_cut(x, angle=None, flip=None, scale=None, shift=None):
    """x: B×3×S×S floats in [0, 1] with context → B×3×INPUT_SIZE² (rotated/flipped/scaled)."""
    b = x.shape[0]
    dev = x.device
    angle = torch.zeros(b, device=dev) if angle is None else angle
    flip = torch.ones(b, device=dev) if flip is None else flip
    scale = torch.ones(b, device=dev) if scale is None else scale
    shift = torch.zeros(b, 2, device=dev) if shift is None else shift
    a = scale / TRAINING_CONTEXT
    cos, sin = torch.cos(angle) * a, torch.sin(angle) * a
    theta = torch.stack(
        [torch.stack([cos * flip, -sin, shift[:, 0]], 1), torch.stack([sin * flip, cos, shift[:, 1]], 1)], 1
    )
    grid = F.affine_grid(theta, (b, 3, INPUT_SIZE, INPUT_SIZE), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def geometric(x, g):
    b = x.shape[0]
    angle = torch.rand(b, generator=g) * 2 * math.pi
    flip = torch.where(torch.rand(b, generator=g) < 0.5, -1.0, 1.0)
    scale = 0.88 + torch.rand(b, generator=g) * 0.24
    shift = (torch.rand(b, 2, generator=g) - 0.5) * 0.08
    return centre_cut(x, angle, flip, scale, shift)


# Largest loss of resolution (RES overrides it; 1 leaves it out): another lab's lower magnification
# gives a cell fewer pixels, and the crop rule, which scales by the cell's own size, enlarges them.
RES = float(os.environ.get("RES", 2.5))


def resolution(x, g):
    """Half the batch resampled through 1/RES..1 of the input size: the look of a lower magnification."""
    if RES <= 1:
        return x  # draws nothing from g, so a run without it repeats exactly
    b = x.shape[0]
    factor = 1 + (RES - 1) * torch.rand(b, generator=g)
    chosen = torch.rand(b, generator=g) < 0.5
    x = x.clone()
    for i in torch.nonzero(chosen).flatten().tolist():
        side = max(8, round(INPUT_SIZE / factor[i].item()))
        small = F.interpolate(x[i : i + 1], size=(side, side), mode="bilinear", antialias=True, align_corners=False)
        x[i : i + 1] = F.interpolate(small, size=(INPUT_SIZE, INPUT_SIZE), mode="bilinear", align_corners=False)
    return x


# Largest hue rotation in radians (HUE overrides it for a trial run): about ±29°, as other labs'
# stains differ in hue (see lab-b).
HUE = float(os.environ.get("HUE", 0.5))

_YIQ = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]])
_RGB = torch.linalg.inv(_YIQ)


def colour(x, g):
    """Hue, saturation, per-channel gain, brightness, contrast, gamma, blur, noise, grey."""
    b = x.shape[0]
    u = lambda lo, hi, *shape: lo + (hi - lo) * torch.rand(b, *shape, generator=g)
    hue = u(-HUE, HUE)
    sat = u(0.55, 1.6)
    c, s = torch.cos(hue), torch.sin(hue)
    rot = torch.zeros(b, 3, 3)
    rot[:, 0, 0] = 1
    rot[:, 1, 1], rot[:, 1, 2], rot[:, 2, 1], rot[:, 2, 2] = c * sat, -s * sat, s * sat, c * sat
    m = _RGB @ rot @ _YIQ  # B×3×3
    x = torch.einsum("bij,bjhw->bihw", m, x)
    x = x * u(0.85, 1.15, 3, 1, 1)
    mean = x.mean((1, 2, 3), keepdim=True)
    x = (x - mean) * u(0.75, 1.25, 1, 1, 1) + mean * u(0.85, 1.15, 1, 1, 1)
    x = x.clamp(0, 1) ** u(0.8, 1.25, 1, 1, 1)
    blur = torch.rand(b, generator=g) < 0.3
    if blur.any():
        x[blur] = F.avg_pool2d(F.pad(x[blur], (1, 1, 1, 1), mode="replicate"), 3, 1)
    grey = torch.rand(b, generator=g) < 0.1
    if grey.any():
        x[grey] = x[grey].mean(1, keepdim=True).expand(-1, 3, -1, -1)
    x = x + torch.randn(x.shape, generator=g) * 0.01
    return x.clamp(0, 1)
