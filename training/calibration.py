"""Temperature scaling and the review threshold, both fitted on the validation split only."""
import torch
import torch.nn.functional as F

# Predictions at or above the review threshold must be right this often on validation. 0.99 left
# 0.5 % of held-out cells unmarked once the split stopped leaking, so the mark told a user nothing;
# 0.97 is the strictest target that leaves most of them unmarked (training/results/README.md).
REVIEW_TARGET = 0.97


def fit_temperature(logits, y):
    """The T > 0 minimising validation negative log-likelihood of softmax(logits / T), on a grid of
    201 values from e^-2.5 to e^2.5 (steps of 2.5 %): nearby runs can land on the same T."""
    grid = torch.exp(torch.linspace(-2.5, 2.5, 201))
    nll = torch.stack([F.cross_entropy(logits / t, y) for t in grid])
    return float(grid[nll.argmin()])


def review_threshold(probs, y, target=REVIEW_TARGET):
    """Smallest top-probability t such that predictions with confidence ≥ t are right ≥ target.

    Returns (t, accuracy above t, share of cells above t)."""
    conf, pred = probs.max(1)
    right = (pred == y).float()
    order = torch.argsort(conf, descending=True)
    conf, right = conf[order], right[order]
    cum = torch.cumsum(right, 0) / torch.arange(1, len(right) + 1)
    ok = (cum >= target).nonzero()
    if len(ok) == 0:
        return 1.0, float("nan"), 0.0
    k = int(ok.max())
    return float(conf[k]), float(cum[k]), (k + 1) / len(conf)
