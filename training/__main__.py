"""HematoVision's training tool: python3 -m training <command> --help (run from the repository root).

Needs Debian's PyTorch (apt-get install -y python3-torch python3-torchvision python3-pil) and the
crops that scripts/build-data/export-crops.ts writes (training/train-all.sh runs the whole chain).
"""
import argparse
import json
import os
import sys

from .common import ROOT, WORK

RECIPES = os.path.join(ROOT, "training", "recipes")


def load_recipe(path, overrides):
    """A recipe file on top of defaults.json, then key=value overrides (values read as JSON)."""
    with open(os.path.join(RECIPES, "defaults.json")) as fh:
        recipe = json.load(fh)
    with open(path) as fh:
        recipe.update(json.load(fh))
    recipe["name"] = recipe.get("name") or os.path.splitext(os.path.basename(path))[0]
    for item in overrides:
        key, _, value = item.partition("=")
        if key not in recipe:
            sys.exit(f"unknown recipe key: {key} (known: {', '.join(sorted(recipe))})")
        recipe[key] = json.loads(value)
        recipe["name"] += f"+{key}={value}"
    return recipe


def cmd_train(args):
    from .train import train

    recipe = load_recipe(args.recipe, args.set)
    train(recipe, args.out or os.path.join(WORK, recipe["name"]))


def cmd_recalibrate(args):
    from .train import recalibrate

    recalibrate(args.run)


def cmd_export(args):
    from .export_tfjs import main

    main(args)


def cmd_match_sources(args):
    from .match_sources import main

    return main(["--check", args.check] if args.check else [])


def cmd_calibrated_validation(args):
    from .calibrated_validation import main

    return main(args)


def cmd_check_crops(args):
    from .check_crop_agreement import main

    return main(args)


def cmd_compare(args):
    from .compare import main

    return main(args)


def cmd_describe_labs(args):
    from .describe_labs import main

    return main(args)


def cmd_blood_cells_split(args):
    from .data import write_blood_cells_split

    write_blood_cells_split(args.out)


def cmd_make_negatives(args):
    from .make_negatives import main

    return main(args)


def cmd_make_synthetic_sources(args):
    from .make_synthetic_sources import main

    return main([args.out, str(args.copies)])


def parser():
    p = argparse.ArgumentParser(prog="python3 -m training", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a recipe (training/recipes/*.json)")
    t.add_argument("--recipe", required=True, help="recipe file, e.g. training/recipes/two-labs.json")
    t.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                   help="override one recipe key for a trial (repeatable); the run is named after it")
    t.add_argument("--out", help="run folder (default training/work/<recipe name>)")
    t.set_defaults(func=cmd_train)
    r = sub.add_parser("recalibrate", help="fit a run's temperature and review threshold again (training/train.py calibrate)")
    r.add_argument("--run", required=True, help="run folder holding final.pt and validation.json")
    r.set_defaults(func=cmd_recalibrate)
    e = sub.add_parser("export", help="export a run to public/model (tfjs layers, float16 shards ≤ 2 MiB)")
    e.add_argument("--run", required=True, help="run folder holding final.pt and validation.json")
    e.add_argument("--out", help="write the model files here only, to probe a run the app does not ship "
                   "(no parity.json, nothing kept in training/results)")
    e.set_defaults(func=cmd_export)
    m = sub.add_parser("match-sources", help="group blood-cells TRAIN crops by their BCCD source cell")
    m.add_argument("--check", metavar="DIR", help="match synthetic augmentations of known source instead")
    m.set_defaults(func=cmd_match_sources)
    v = sub.add_parser("calibrated-validation", help="each lab's validation read as shipped and calibrated to skewed cases")
    v.add_argument("--run", required=True, help="run folder holding final.pt and validation.json")
    v.add_argument("--blend", type=float, default=0.5, help="share of the case's statistics (the app's default)")
    v.add_argument("--floor", type=float, default=0.05, help="fewest cells a class is weighed as, a share of the case (the app's classFloor)")
    v.add_argument("--rounds", type=int, default=3, help="readings of the case, each re-balanced by the last (the app's rounds)")
    v.add_argument("--cells", type=int, default=100)
    v.add_argument("--draws", type=int, default=3)
    v.add_argument("--seed", type=int, default=12)
    v.set_defaults(func=cmd_calibrated_validation)
    c = sub.add_parser("check-crops", help="check that training's centre cut equals the app's crop")
    c.set_defaults(func=cmd_check_crops)
    k = sub.add_parser("compare", help="print the leave-one-lab-out comparison of the runs in a folder")
    k.add_argument("--runs", default=WORK, help="folder of run folders (default training/work)")
    k.set_defaults(func=cmd_compare)
    d = sub.add_parser("describe-labs", help="print each lab's crops, source cells, cell size and stain density")
    d.set_defaults(func=cmd_describe_labs)
    b = sub.add_parser("blood-cells-split", help="write blood-cells TRAIN's split (file,label,partition) for the Node scripts' --split")
    b.add_argument("--out", required=True, help="CSV to write, e.g. training/work/blood-cells-split.csv")
    b.set_defaults(func=cmd_blood_cells_split)
    n = sub.add_parser("make-negatives", help="rebuild fixtures/negatives (images with no white cell)")
    n.set_defaults(func=cmd_make_negatives)
    s = sub.add_parser("make-synthetic-sources", help="augmented BCCD fields of known source, for match-sources --check")
    s.add_argument("--out", required=True)
    s.add_argument("--copies", type=int, default=3)
    s.set_defaults(func=cmd_make_synthetic_sources)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
