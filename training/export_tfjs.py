"""Exports a run's final.pt to public/model in the TensorFlow.js layers format.

`python3 -m training export --run training/work/two-labs` writes model.json (a Keras Sequential topology that tfjs builds
by itself, batch-norm folded into the convolutions), float16 weight shards of at most 2 MiB,
metadata.json (the facts of src/core/model-spec.json, calibration, sha256 of every shard) and
training/results/<recipe>/ (the validation summary and per-epoch log, kept with the model), and
training/parity.json: calibrated probabilities of the exported weights on the inference crops
that scripts/build-data/export-crops.ts --inference wrote, for the Node parity test to compare with tfjs.
"""
import csv
import hashlib
import json
import os
import shutil
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from .common import CLASSES, DATA, INPUT_SIZE, MODEL_DIR, NORM_OFFSET, NORM_SCALE, ROOT, SPEC, WORK
from .mobilenet import BLOCKS, FEATURE_LAYER, CellNet, gflops

SHARD_BYTES = 2 * 1024 * 1024


def folded_layers(model):
    """Yields (name, kind, stride, kernel in tfjs layout, bias) with batch norm folded in."""
    for (name, kind, _, stride), block in zip(BLOCKS, model.trunk):
        bn = block.bn
        scale = (bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach()
        bias = (bn.bias - bn.running_mean * scale).detach().numpy()
        w = block.conv.weight.detach()
        if kind == "dw":
            k = (w * scale[:, None, None, None]).numpy().transpose(2, 3, 0, 1)  # [kh, kw, C, 1]
        else:
            k = (w * scale[:, None, None, None]).numpy().transpose(2, 3, 1, 0)  # HWIO
        yield name, kind, stride, k, bias


def topology(model):
    layers, first = [], True
    for name, kind, stride, k, _ in folded_layers(model):
        if stride == 2:
            layers.append({"class_name": "ZeroPadding2D", "config": {"name": f"{name}_pad", "padding": [[0, 1], [0, 1]], "data_format": "channels_last"}})
        conv = {
            "name": name,
            "kernel_size": list(k.shape[:2]),
            "strides": [stride, stride],
            "padding": "valid" if stride == 2 else "same",
            "data_format": "channels_last",
            "dilation_rate": [1, 1],
            "activation": "relu6",
            "use_bias": True,
        }
        if kind == "dw":
            layers.append({"class_name": "DepthwiseConv2D", "config": {**conv, "depth_multiplier": 1}})
        else:
            layers.append({"class_name": "Conv2D", "config": {**conv, "filters": int(k.shape[3])}})
        if first:
            target = layers[0]["config"]
            target["batch_input_shape"] = [None, INPUT_SIZE, INPUT_SIZE, 3]
            target["dtype"] = "float32"
            first = False
    layers.append({"class_name": "GlobalAveragePooling2D", "config": {"name": "pool", "data_format": "channels_last"}})
    layers.append({"class_name": "Dense", "config": {"name": "logits", "units": len(CLASSES), "activation": "linear", "use_bias": True}})
    return {"class_name": "Sequential", "config": {"name": "hematovision_cellnet", "layers": layers}, "keras_version": "2.1.4", "backend": "tensorflow"}


def weights(model):
    out = []
    for name, kind, _, k, b in folded_layers(model):
        out.append((f"{name}/depthwise_kernel" if kind == "dw" else f"{name}/kernel", k))
        out.append((f"{name}/bias", b))
    out.append(("logits/kernel", model.head.weight.detach().numpy().T))
    out.append(("logits/bias", model.head.bias.detach().numpy()))
    return out


def fp16_model(model):
    """A copy whose trunk and head hold exactly the float16-rounded values that ship."""
    m = CellNet(len(CLASSES))
    m.load_state_dict(model.state_dict())
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(p.half().float())
    return m.eval()


def infer_numpy(named, x):
    """Runs the exported (folded, float16) weights in numpy-free torch ops: what tfjs computes."""
    t = torch.from_numpy(x).permute(0, 3, 1, 2)
    params = dict(named)
    for name, kind, _, stride in BLOCKS:
        if stride == 2:
            t = F.pad(t, (0, 1, 0, 1))
        pad = 0 if stride == 2 else (1 if kind != "pw" else 0)
        if kind == "dw":
            k = torch.from_numpy(params[f"{name}/depthwise_kernel"].transpose(2, 3, 0, 1).copy())
            t = F.conv2d(t, k, torch.from_numpy(params[f"{name}/bias"]), stride, pad, groups=t.shape[1])
        else:
            k = torch.from_numpy(params[f"{name}/kernel"].transpose(3, 2, 0, 1).copy())
            t = F.conv2d(t, k, torch.from_numpy(params[f"{name}/bias"]), stride, pad)
        t = F.relu6(t)
    f = t.mean((2, 3))
    return (f @ torch.from_numpy(params["logits/kernel"]) + torch.from_numpy(params["logits/bias"])).numpy()


def main(args):
    run = args.run
    with open(os.path.join(run, "validation.json")) as fh:
        validation = json.load(fh)
    recipe = validation["recipe"]
    # Choices tried in training that the app does not run: a model trained with them would be
    # read wrongly by the app's crop and preprocessing, so it is never exported.
    if recipe.get("stainNormalisation") or (recipe.get("inputSize") or INPUT_SIZE) != INPUT_SIZE:
        sys.exit(f"{run}: trained with stain normalisation or an input other than {INPUT_SIZE} px, "
                 "which the app does not run; not exported")
    model = CellNet(len(CLASSES))
    model.load_state_dict(torch.load(os.path.join(run, "final.pt")))
    model.eval()
    named = [(n, v.astype(np.float16).astype(np.float32)) for n, v in weights(model)]
    blob = b"".join(v.astype("<f2").tobytes() for _, v in named)
    version = "1." + hashlib.sha256(blob).hexdigest()[:8]
    model_dir = args.out or MODEL_DIR
    os.makedirs(model_dir, exist_ok=True)
    for f in os.listdir(model_dir):
        if f.endswith(".bin"):
            os.remove(os.path.join(model_dir, f))
    count = (len(blob) + SHARD_BYTES - 1) // SHARD_BYTES
    shards = []
    for i in range(count):
        part = blob[i * SHARD_BYTES : (i + 1) * SHARD_BYTES]
        path = f"group1-shard{i + 1}of{count}.bin"
        with open(os.path.join(model_dir, path), "wb") as fh:
            fh.write(part)
        shards.append({"path": path, "bytes": len(part), "sha256": hashlib.sha256(part).hexdigest()})
    manifest = [{
        "paths": [s["path"] for s in shards],
        "weights": [{"name": n, "shape": list(v.shape), "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}} for n, v in named],
    }]
    model_json = json.dumps({"format": "layers-model", "generatedBy": "training/export_tfjs.py", "convertedBy": None,
                             "modelTopology": topology(model), "weightsManifest": manifest}, separators=(",", ":"))
    with open(os.path.join(model_dir, "model.json"), "w") as fh:
        fh.write(model_json)
    metadata = {
        "version": version,
        "classes": CLASSES,
        "inputSize": INPUT_SIZE,
        "normalisation": SPEC["normalisation"],
        "crop": {"sideOverCell": SPEC["crop"]["sideOverCell"]},
        "temperature": validation["temperature"],
        "reviewThreshold": validation["reviewThreshold"],
        "reviewTarget": validation["reviewTarget"],
        "featureLayer": FEATURE_LAYER,
        "gflops": round(gflops(INPUT_SIZE), 3),
        "shards": shards,
        "totalBytes": len(model_json.encode()) + len(blob),
    }
    with open(os.path.join(model_dir, "metadata.json"), "w") as fh:
        json.dump(metadata, fh, indent=2)
        fh.write("\n")
    if args.out:
        print(f"exported {version} to {model_dir} (a probe: parity and results not written)")
        return

    # Parity: the exported weights, run in PyTorch on the app's own inference crops.
    crops = os.path.join(WORK, "crops", "parity")
    with open(os.path.join(crops, "index.csv")) as fh:
        rows = list(csv.DictReader(fh))
    x = np.stack([np.asarray(Image.open(os.path.join(crops, r["file"])).convert("RGB"), dtype=np.float32) for r in rows])
    x = x * NORM_SCALE + NORM_OFFSET
    logits = infer_numpy(named, x)
    probs = torch.softmax(torch.from_numpy(logits) / metadata["temperature"], 1).numpy()
    with torch.no_grad():
        ref = torch.softmax(fp16_model(model)(torch.from_numpy(x).permute(0, 3, 1, 2)) / metadata["temperature"], 1).numpy()
        full = torch.softmax(model(torch.from_numpy(x).permute(0, 3, 1, 2)) / metadata["temperature"], 1).numpy()
    # Float16 halves the download; check on validation that it costs no accuracy.
    from .data import load_lab
    from .train import predict

    parts = [load_lab(lab)["validation"] for lab in validation["recipe"]["trainLabs"]]
    xv, yv = torch.cat([p[0] for p in parts]), torch.cat([p[1] for p in parts])
    pred32, pred16 = predict(model, xv).argmax(1), predict(fp16_model(model), xv).argmax(1)
    acc32 = float((pred32 == yv).float().mean())
    acc16 = float((pred16 == yv).float().mean())
    agreement = float((pred32 == pred16).float().mean())
    parity = {
        "modelVersion": version,
        "note": "probabilities of the exported float16 weights in PyTorch; src/core/classifier.test.ts compares tfjs with these",
        "maxAbsDiffFloat16VsFloat32": float(np.abs(ref - full).max()),
        "validationAccuracyFloat32": acc32,
        "validationAccuracyFloat16": acc16,
        "validationFloat16AgreesWithFloat32": agreement,
        # export-crops.ts runs from the repository root and writes sources relative to it.
        "images": [os.path.relpath(os.path.join(ROOT, r["source"]), DATA) for r in rows],
        "probabilities": [[round(float(v), 6) for v in p] for p in probs],
    }
    with open(os.path.join(ROOT, "training", "parity.json"), "w") as fh:
        json.dump(parity, fh, indent=1)
    results = os.path.join(ROOT, "training", "results", validation["recipe"]["name"])
    os.makedirs(results, exist_ok=True)
    for name in ("validation.json", "train-log.csv"):
        shutil.copyfile(os.path.join(run, name), os.path.join(results, name))
    print(f"exported {version}: {len(blob)} weight bytes in {count} shard(s), {metadata['gflops']} GFLOP per crop")
    print(f"validation accuracy: float32 {acc32:.4f}, float16 {acc16:.4f}; same answer on {agreement:.4f}")
    print(f"float16 vs float32 weights on the parity crops: max |dp| {parity['maxAbsDiffFloat16VsFloat32']:.2e}")
