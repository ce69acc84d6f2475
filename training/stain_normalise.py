"""Colour normalisation to a reference, per crop, in optical density: a recipe choice on trial.

Labs differ in how much of each dye a cell takes up and in the camera's colour response. Per crop,
each RGB channel's optical density is scaled so that the stained pixels' upper percentile (mostly
the nucleus, which every white cell has) matches a reference (the median training crop's); the
white background keeps an optical density of 0. Trained with it on (`stainNormalisation: true`),
the network sees every crop at the reference stain intensity, whatever the lab.

Compared leave-one-lab-out (training/results/README.md), it did not carry to the unseen lab in
either direction, so the app does not run it and export refuses a model trained with it.
"""
import torch

# A pixel is stained when its optical density summed over R, G and B exceeds this (background ≈ 0).
STAINED_OD = 0.45
# The percentile of each channel's optical density, over the stained pixels, matched to the reference.
PERCENTILE = 0.9
# Crops with fewer stained pixels than this share are left as they are.
MIN_STAINED = 0.05
# No channel is scaled by more than this factor, or less than its inverse.
MAX_GAIN = 2.0


def _od(x):
    return -torch.log(x.clamp(1 / 255, 1))


def stain_percentiles(x):
    """x: B×3×H×W in [0, 1] → B×3 percentile of each channel's optical density over stained pixels
    (NaN where a crop has too few stained pixels)."""
    od = _od(x).flatten(2)  # B×3×N
    stained = od.sum(1, keepdim=True) > STAINED_OD
    masked = torch.where(stained, od, torch.tensor(float("nan")))
    p = torch.nanquantile(masked, PERCENTILE, dim=2)
    few = stained.float().mean(2) < MIN_STAINED
    return torch.where(few.expand_as(p), torch.tensor(float("nan")), p)


def reference(x_u8, batch=512):
    """The reference: the median crop's percentiles over a set of un-jittered crops (uint8)."""
    ps = torch.cat([stain_percentiles(x_u8[i : i + batch].float() / 255.0) for i in range(0, len(x_u8), batch)])
    return torch.nanmedian(ps, 0).values


def stain_normalise(x, ref):
    """x: B×3×H×W in [0, 1] → the same crops with each channel's stained percentile at ref."""
    p = stain_percentiles(x)
    gain = (ref[None] / p).clamp(1 / MAX_GAIN, MAX_GAIN)
    gain = torch.where(torch.isnan(gain), torch.ones_like(gain), gain)
    return torch.exp(-_od(x) * gain[:, :, None, None])
