"""Paths and the facts shared with the app, read from src/core/model-spec.json (one source of truth)."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
PRETRAINED = os.path.normpath(os.path.join(ROOT, "..", "shared", "pretrained", "mobilenet_v1_1.0_224_imagenet"))
WORK = os.path.join(ROOT, "training", "work")
MODEL_DIR = os.path.join(ROOT, "public", "model")

with open(os.path.join(ROOT, "src", "core", "model-spec.json")) as fh:
    SPEC = json.load(fh)

CLASSES = SPEC["classes"]
INPUT_SIZE = SPEC["inputSize"]
NORM_SCALE = SPEC["normalisation"]["scale"]
NORM_OFFSET = SPEC["normalisation"]["offset"]
TRAINING_CONTEXT = SPEC["crop"]["trainingContext"]
