"""Builds fixtures/negatives/: images with no white blood cell, to measure "No white blood cell found".

`python3 training/make_negatives.py` (PIL only, fixed seed) writes 72 small JPEGs:
- redcells-*: 24 regions of BCCD fields (../shared/data/bccd, MIT) that hold no WBC box, cut
  away from every WBC box by a margin, 200×150;
- blank-*: 8 empty slides (pale, tinted, faint vignette and dust);
- text-*: 12 screenshots of text and tables drawn with DejaVu fonts, some in blue ink;
- photo-*: 28 drawn "photos": a cartoon cat, sky and grass, fruit bowls, gradients and noise,
  purple flowers, a blue car — the colours most likely to fool a purple-stain rule.
Nothing is downloaded; see fixtures/negatives/README.md.
"""
import os
import random
import re

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BCCD = os.path.join(ROOT, "..", "shared", "data", "bccd")
OUT = os.path.join(ROOT, "fixtures", "negatives")
rng = random.Random(7)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def wbc_boxes(image_id):
    xml = open(os.path.join(BCCD, "Annotations", f"{image_id}.xml")).read()
    boxes = []
    for obj in re.findall(r"<object>(.*?)</object>", xml, re.S):
        if "<name>WBC</name>" in obj:
            boxes.append([float(re.search(f"<{t}>(.*?)</{t}>", obj).group(1)) for t in ("xmin", "ymin", "xmax", "ymax")])
    return boxes


def red_cell_regions(count):
    ids = sorted(f[:-4] for f in os.listdir(os.path.join(BCCD, "JPEGImages")))
    rng.shuffle(ids)
    made = 0
    for image_id in ids:
        img = Image.open(os.path.join(BCCD, "JPEGImages", f"{image_id}.jpg")).convert("RGB")
        boxes = wbc_boxes(image_id)
        for _ in range(20):
            x, y = rng.randint(0, 640 - 280), rng.randint(0, 480 - 210)
            margin = 40
            clear = all(x + 280 < b[0] - margin or x > b[2] + margin or y + 210 < b[1] - margin or y > b[3] + margin for b in boxes)
            if clear:
                img.crop((x, y, x + 280, y + 210)).resize((200, 150), Image.BOX).save(os.path.join(OUT, f"redcells-{made:02d}.jpg"), quality=85)
                made += 1
                break
        if made == count:
            return


def blank(i):
    tint = [(232, 228, 235), (240, 236, 200), (210, 230, 235), (245, 245, 245)][i % 4]
    img = Image.new("RGB", (320, 240), tint)
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(0, 30)):
        x, y = rng.randint(0, 319), rng.randint(0, 239)
        g = rng.randint(120, 200)
        d.ellipse([x, y, x + 2, y + 2], fill=(g, g, g))
    return img.filter(ImageFilter.GaussianBlur(0.6))


def text(i):
    ink = [(20, 20, 20), (30, 40, 160), (90, 20, 120)][i % 3]
    img = Image.new("RGB", (400, 300), (255, 255, 255) if i % 2 == 0 else (245, 245, 250))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, rng.choice([12, 14, 18, 24]))
    words = "white blood cell count differential report patient sample slide stain eosinophil lymphocyte monocyte neutrophil".split()
    y = 10
    while y < 280:
        d.text((10, y), " ".join(rng.choice(words) for _ in range(6)), fill=ink, font=font)
        y += font.size + 8
    if i % 4 == 3:
        for k in range(0, 400, 80):
            d.line([k, 0, k, 300], fill=(150, 150, 150))
    return img


def photo(i):
    kind = i % 7
    img = Image.new("RGB", (320, 240))
    d = ImageDraw.Draw(img)
    if kind == 0:  # cartoon cat on a sofa
        d.rectangle([0, 0, 320, 240], fill=(120, 90, 160))
        d.ellipse([100, 80, 220, 200], fill=(200, 140, 60))
        d.polygon([(110, 100), (125, 50), (145, 90)], fill=(200, 140, 60))
        d.polygon([(175, 90), (195, 50), (210, 100)], fill=(200, 140, 60))
        d.ellipse([130, 120, 145, 135], fill=(40, 120, 40))
        d.ellipse([175, 120, 190, 135], fill=(40, 120, 40))
    elif kind == 1:  # sky and grass
        for y in range(240):
            d.line([0, y, 320, y], fill=(90 + y // 4, 140 + y // 5, 230) if y < 150 else (60, 140 + (y % 7), 50))
        d.ellipse([230, 20, 280, 70], fill=(255, 240, 180))
    elif kind == 2:  # fruit bowl with plums and grapes
        d.rectangle([0, 0, 320, 240], fill=(235, 225, 205))
        d.ellipse([60, 140, 260, 230], fill=(180, 180, 190))
        for _ in range(9):
            x, y = rng.randint(80, 220), rng.randint(100, 160)
            d.ellipse([x, y, x + 40, y + 40], fill=rng.choice([(90, 30, 110), (120, 40, 140), (200, 40, 40), (240, 200, 40)]))
    elif kind == 3:  # gradient
        a, b = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(2)]
        for x in range(320):
            t = x / 319
            d.line([x, 0, x, 240], fill=tuple(int(a[c] * (1 - t) + b[c] * t) for c in range(3)))
    elif kind == 4:  # noise
        img = Image.effect_noise((320, 240), rng.randint(30, 90)).convert("RGB")
        img = Image.merge("RGB", [img.getchannel(0).point(lambda v, o=rng.randint(-40, 40): max(0, min(255, v + o))) for _ in range(3)])
    elif kind == 5:  # purple flowers in a garden
        d.rectangle([0, 0, 320, 240], fill=(70, 130, 60))
        for _ in range(6):
            x, y = rng.randint(20, 280), rng.randint(20, 200)
            for k in range(5):
                d.ellipse([x + (k - 2) * 9, y - 10 + (k % 2) * 12, x + (k - 2) * 9 + 18, y + 8 + (k % 2) * 12], fill=(130, 70, 190))
            d.ellipse([x - 4, y - 4, x + 6, y + 6], fill=(240, 210, 40))
    else:  # blue car on a street
        d.rectangle([0, 0, 320, 240], fill=(170, 170, 175))
        d.rectangle([0, 160, 320, 240], fill=(60, 60, 65))
        d.rounded_rectangle([60, 100, 260, 175], 20, fill=(40, 60, 200))
        d.ellipse([80, 160, 120, 200], fill=(20, 20, 20))
        d.ellipse([200, 160, 240, 200], fill=(20, 20, 20))
    return img.filter(ImageFilter.GaussianBlur(rng.choice([0, 0.8, 1.5])))


def main(_args=None):
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".jpg"):
            os.remove(os.path.join(OUT, f))
    red_cell_regions(24)
    for i in range(8):
        blank(i).save(os.path.join(OUT, f"blank-{i:02d}.jpg"), quality=85)
    for i in range(12):
        text(i).save(os.path.join(OUT, f"text-{i:02d}.jpg"), quality=85)
    for i in range(28):
        photo(i).save(os.path.join(OUT, f"photo-{i:02d}.jpg"), quality=85)
    print(f"{len([f for f in os.listdir(OUT) if f.endswith('.jpg')])} negatives in {OUT}")
