"""Writes augmented copies of the BCCD source fields whose source is known, to check match_sources.py.

The augmentation imitates the one blood-cells was made with (../shared/data/README.md): rotation
≤ 20°, horizontal and vertical flips, shift ≤ 10 %, shear, zoom, brightness, black fill, then the
field halved to 320 × 240 and saved as JPEG.

  python3 make_synthetic_sources.py <out> [copies per field]   → <out>/<CLASS>/<field>_<copy>.jpg
"""
import csv
import math
import os
import random
import sys

from PIL import Image, ImageEnhance

from .common import DATA, CLASSES


def augment(image, rng):
    w, h = image.size
    angle = math.radians(rng.uniform(-20, 20))
    shear = math.radians(rng.uniform(-6, 6))
    zoom = rng.uniform(0.9, 1.1)
    tx, ty = rng.uniform(-0.1, 0.1) * w, rng.uniform(-0.1, 0.1) * h
    # Output pixel (u, v) reads input (a u + b v + c, d u + e v + f), about the field's centre.
    cos, sin = math.cos(angle) / zoom, math.sin(angle) / zoom
    a, b, d, e = cos, -sin + math.tan(shear) * cos, sin, cos + math.tan(shear) * sin
    cx, cy = w / 2, h / 2
    c = cx - a * cx - b * cy + tx
    f = cy - d * cx - e * cy + ty
    out = image.transform((w, h), Image.AFFINE, (a, b, c, d, e, f), resample=Image.BILINEAR, fillcolor=(0, 0, 0))
    if rng.random() < 0.5:
        out = out.transpose(Image.FLIP_LEFT_RIGHT)
    if rng.random() < 0.5:
        out = out.transpose(Image.FLIP_TOP_BOTTOM)
    out = ImageEnhance.Brightness(out).enhance(rng.uniform(0.8, 1.2))
    return out.resize((w // 2, h // 2), Image.BILINEAR)


def main(argv):
    out, copies = argv[0], int(argv[1]) if len(argv) > 1 else 3
    rng = random.Random(20261126)
    bccd = os.path.join(DATA, "bccd")
    with open(os.path.join(bccd, "labels.csv")) as fh:
        fields = [(int(r["Image"]), r["Category"].strip()) for r in csv.DictReader(fh)]
    written = 0
    for field, label in fields:
        path = os.path.join(bccd, "JPEGImages", f"BloodImage_{field:05d}.jpg")
        if label not in CLASSES or not os.path.exists(path):
            continue
        os.makedirs(os.path.join(out, label), exist_ok=True)
        image = Image.open(path).convert("RGB")
        for k in range(copies):
            augment(image, rng).save(os.path.join(out, label, f"{field}_{k}.jpg"), quality=90)
            written += 1
    print(f"{written} augmented fields written to {out}")
    return 0
