"""MobileNet v1 (alpha 1.0) trunk up to conv_pw_11, in PyTorch, loaded from the tfjs ImageNet weights.

Stride-2 layers pad (0, 1) like TensorFlow's 'same', so the exported tfjs model computes the
same thing. The trunk stops at conv_pw_11 (512 channels, stride 16): the weights of conv_pw_13
are missing from ../shared/pretrained, and the last two blocks hold 1.6 M of MobileNet's 3.2 M
trunk parameters while adding little for four cell classes; 8 × 8 features at 128 px also give
finer class-activation maps than 4 × 4.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# (name, kind, out_channels, stride) in order; dw = depthwise 3×3, pw = pointwise 1×1.
BLOCKS = [("conv1", "full", 32, 2)]
_PW = [64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512]
_DW_STRIDE = [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1]
for i in range(11):
    BLOCKS.append((f"conv_dw_{i + 1}", "dw", None, _DW_STRIDE[i]))
    BLOCKS.append((f"conv_pw_{i + 1}", "pw", _PW[i], 1))
FEATURE_LAYER = "conv_pw_11"
FEATURES = 512


class ConvBnRelu6(nn.Module):
    def __init__(self, kind, cin, cout, stride):
        super().__init__()
        self.stride = stride
        if kind == "full":
            self.conv = nn.Conv2d(cin, cout, 3, stride, padding=0 if stride == 2 else 1, bias=False)
        elif kind == "dw":
            self.conv = nn.Conv2d(cin, cin, 3, stride, padding=0 if stride == 2 else 1, groups=cin, bias=False)
        else:
            self.conv = nn.Conv2d(cin, cout, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(self.conv.out_channels, eps=1e-3, momentum=0.01)

    def forward(self, x):
        if self.stride == 2:
            x = F.pad(x, (0, 1, 0, 1))  # TensorFlow 'same' for stride 2 on even sizes
        return F.relu6(self.bn(self.conv(x)))


class CellNet(nn.Module):
    def __init__(self, classes=4, dropout=0.2):
        super().__init__()
        layers, cin = [], 3
        self.names = []
        for name, kind, cout, stride in BLOCKS:
            cout = cin if kind == "dw" else cout
            layers.append(ConvBnRelu6(kind, cin, cout, stride))
            self.names.append(name)
            cin = cout
        self.trunk = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(FEATURES, classes)

    def forward(self, x):
        f = self.trunk(x)
        return self.head(self.dropout(f.mean((2, 3))))


def load_imagenet(model, folder):
    """Copies the tfjs ImageNet weights (HWIO kernels, float32 shards) into the PyTorch trunk."""
    with open(os.path.join(folder, "model.json")) as fh:
        manifest = json.load(fh)["weightsManifest"]
    tensors = {}
    for group in manifest:
        path = os.path.join(folder, group["paths"][0])
        if not os.path.exists(path):
            continue
        raw = np.fromfile(path, dtype="<f4")
        offset = 0
        for w in group["weights"]:
            n = int(np.prod(w["shape"]))
            tensors[w["name"]] = raw[offset : offset + n].reshape(w["shape"])
            offset += n
    for name, block in zip(model.names, model.trunk):
        k = tensors[f"{name}/kernel" if not name.startswith("conv_dw") else f"{name}/depthwise_kernel"]
        if name.startswith("conv_dw"):
            k = k.transpose(2, 3, 0, 1)  # [kh, kw, C, 1] → [C, 1, kh, kw]
        else:
            k = k.transpose(3, 2, 0, 1)  # HWIO → OIHW
        block.conv.weight.data.copy_(torch.from_numpy(np.ascontiguousarray(k)))
        bn = block.bn
        bn.weight.data.copy_(torch.from_numpy(tensors[f"{name}_bn/gamma"]))
        bn.bias.data.copy_(torch.from_numpy(tensors[f"{name}_bn/beta"]))
        bn.running_mean.copy_(torch.from_numpy(tensors[f"{name}_bn/moving_mean"]))
        bn.running_var.copy_(torch.from_numpy(tensors[f"{name}_bn/moving_variance"]))


def gflops(size):
    """Multiply-adds ×2 of one forward pass at size × size, counted layer by layer."""
    total, cin, s = 0, 3, size
    for _, kind, cout, stride in BLOCKS:
        s = (s + stride - 1) // stride
        if kind == "full":
            total += s * s * 9 * cin * cout
        elif kind == "dw":
            total += s * s * 9 * cin
            cout = cin
        else:
            total += s * s * cin * cout
        cin = cout
    total += FEATURES * 4
    return 2 * total / 1e9
