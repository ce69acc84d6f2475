"""Batch augmentation in PyTorch: the geometry a microscope allows, and what labs differ in.

Crops arrive with TRAINING_CONTEXT margin (written by scripts/build-data/export-crops.ts); every geometric
transform ends in a centre cut of the size the app's crop rule gives, so a rotated corner never
reaches the network. Every strength comes from the recipe (training/recipes/*.json).
"""
import io
import math

import numpy as np
import torch
import torch.nn.functional as F

from .common import INPUT_SIZE, TRAINING_CONTEXT


def centre_cut(x, angle=None, flip=None, scale=None, shift=None, size=INPUT_SIZE):
    """x: B×3×S×S floats in [0, 1] with context → B×3×size² (rotated/flipped/scaled)."""
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
    grid = F.affine_grid(theta, (b, 3, size, size), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def geometric(x, g, size):
    """Any rotation and flip (a smear has no up), ±12 % in scale (the cell finder's size error), a small shift."""
    b = x.shape[0]
    angle = torch.rand(b, generator=g) * 2 * math.pi
    flip = torch.where(torch.rand(b, generator=g) < 0.5, -1.0, 1.0)
    scale = 0.88 + torch.rand(b, generator=g) * 0.24
    shift = (torch.rand(b, 2, generator=g) - 0.5) * 0.08
    return centre_cut(x, angle, flip, scale, shift, size)


def resolution(x, g, largest, size):
    """Half the batch resampled through 1/largest..1 of the input size: a lower magnification
    gives a cell fewer pixels, which the crop rule, scaling by the cell's own size, enlarges."""
    if largest <= 1:
        return x
    b = x.shape[0]
    factor = 1 + (largest - 1) * torch.rand(b, generator=g)
    chosen = torch.rand(b, generator=g) < 0.5
    x = x.clone()
    for i in torch.nonzero(chosen).flatten().tolist():
        side = max(8, round(size / factor[i].item()))
        small = F.interpolate(x[i : i + 1], size=(side, side), mode="bilinear", antialias=True, align_corners=False)
        x[i : i + 1] = F.interpolate(small, size=(size, size), mode="bilinear", align_corners=False)
    return x


_YIQ = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]])
_RGB = torch.linalg.inv(_YIQ)
# Unit optical-density colours of the two dyes of a Romanowsky stain, as RGB absorbances: the
# azure / methylene-blue family that colours chromatin purple-blue, and eosin, which colours red
# cells and eosinophil granules pink (close to Ruifrok's haematoxylin and eosin vectors), plus
# their cross product as a residual channel so that the map is invertible.
_DYES = torch.tensor([[0.65, 0.70, 0.29], [0.07, 0.99, 0.11]])
_DYES = _DYES / _DYES.norm(dim=1, keepdim=True)
_DYES = torch.cat([_DYES, torch.linalg.cross(_DYES[0], _DYES[1])[None]])
_DYES_INV = torch.linalg.inv(_DYES)


def stain(x, g, strength):
    """Dye amounts jittered in optical density (Beer–Lambert): each dye's concentration scaled by
    1 ± strength and shifted by ± strength / 4, as stain batches, staining times and labs differ.
    The white background keeps an optical density of 0, so the illumination is left alone."""
    if strength <= 0:
        return x
    b = x.shape[0]
    od = -torch.log(x.clamp(1 / 255, 1))
    conc = torch.einsum("bchw,cd->bdhw", od, _DYES_INV)
    scale = 1 + strength * (2 * torch.rand(b, 3, 1, 1, generator=g) - 1)
    shift = strength / 4 * (2 * torch.rand(b, 3, 1, 1, generator=g) - 1)
    conc = conc * scale + shift * (conc.sum(1, keepdim=True) > 0.15)
    return torch.exp(-torch.einsum("bdhw,dc->bchw", conc, _DYES)).clamp(0, 1)


def colour(x, g, hue):
    """Hue (± hue radians), saturation, per-channel gain, brightness, contrast, gamma, grey."""
    b = x.shape[0]
    u = lambda lo, hi, *shape: lo + (hi - lo) * torch.rand(b, *shape, generator=g)
    angle = u(-hue, hue)
    sat = u(0.55, 1.6)
    c, s = torch.cos(angle), torch.sin(angle)
    rot = torch.zeros(b, 3, 3)
    rot[:, 0, 0] = 1
    rot[:, 1, 1], rot[:, 1, 2], rot[:, 2, 1], rot[:, 2, 2] = c * sat, -s * sat, s * sat, c * sat
    m = _RGB @ rot @ _YIQ  # B×3×3
    x = torch.einsum("bij,bjhw->bihw", m, x)
    x = x * u(0.85, 1.15, 3, 1, 1)
    mean = x.mean((1, 2, 3), keepdim=True)
    x = (x - mean) * u(0.75, 1.25, 1, 1, 1) + mean * u(0.85, 1.15, 1, 1, 1)
    x = x.clamp(0, 1) ** u(0.8, 1.25, 1, 1, 1)
    grey = torch.rand(b, generator=g) < 0.1
    if grey.any():
        x[grey] = x[grey].mean(1, keepdim=True).expand(-1, 3, -1, -1)
    return x.clamp(0, 1)


def sharpness(x, g, both_ways):
    """A third of the batch blurred (focus, optics); with both_ways another third sharpened by an
    unsharp mask, as analysers' cameras sharpen their images and microscope photos do not."""
    b = x.shape[0]
    pick = torch.rand(b, generator=g)
    soft = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), 3, 1)
    blur = pick < 0.3
    x = x.clone()
    x[blur] = soft[blur]
    if both_ways:
        sharp = (pick >= 0.3) & (pick < 0.6)
        amount = 0.5 + torch.rand(b, 1, 1, 1, generator=g)
        x[sharp] = (x + amount * (x - soft))[sharp]
    return x.clamp(0, 1)


def compression(x, g, share):
    """`share` of the batch saved and re-read as JPEG or WebP at quality 40–95: microscope
    cameras, phones and exporters compress, and the blocks and ringing they leave are a lab's
    look as much as its stain is (PIL does the coding, as a browser would)."""
    if share <= 0:
        return x
    from PIL import Image

    b = x.shape[0]
    pick = torch.rand(b, generator=g) < share
    quality = (40 + torch.rand(b, generator=g) * 55).round().int()
    webp = torch.rand(b, generator=g) < 0.4
    x = x.clone()
    for i in torch.nonzero(pick).flatten().tolist():
        img = Image.fromarray((x[i].permute(1, 2, 0).numpy() * 255).round().astype(np.uint8))
        buf = io.BytesIO()
        img.save(buf, format="WEBP" if webp[i] else "JPEG", quality=int(quality[i]))
        buf.seek(0)
        back = np.asarray(Image.open(buf).convert("RGB"), dtype=np.float32) / 255.0
        x[i] = torch.from_numpy(back).permute(2, 0, 1)
    return x


def input_size(recipe):
    """The network's input side: the model's (model-spec.json) unless a recipe tries another."""
    return recipe.get("inputSize") or INPUT_SIZE


def augment(x, g, recipe):
    """The whole training transform of a batch of context crops in [0, 1]."""
    size = input_size(recipe)
    x = resolution(geometric(x, g, size), g, recipe["resolutionLoss"], size)
    x = stain(x, g, recipe["stainJitter"])
    x = sharpness(colour(x, g, recipe["hueJitter"]), g, recipe["sharpenToo"])
    x = (x + torch.randn(x.shape, generator=g) * 0.01).clamp(0, 1)
    return compression(x, g, recipe["compression"])
