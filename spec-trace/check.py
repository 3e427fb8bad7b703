#!/usr/bin/env python3
"""Checks the requirement trace matrix in spec-trace/*.toml.

Fails (exit 1) when
- a test named in `tests` does not exist in the workspace (per `cargo nextest list`),
- an ID appears twice, or has no `level`/`statement`,
- ../shared/requirements.md (when present beside the checkout) lists an ID the matrix lacks,
  or the matrix holds an ID the requirements do not.
Prints how many IDs are covered by at least one test, per file and in total.

Usage: python3 spec-trace/check.py [--list-json FILE] [--verbose]
  --list-json FILE  read `cargo nextest list --message-format json` output from FILE
                    instead of running it
  --verbose         also print every ID that no test covers yet
"""
import json
import pathlib
import re
import subprocess
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
REQUIREMENTS = ROOT.parent / "shared" / "requirements.md"


def known_tests(list_json):
    if list_json:
        text = pathlib.Path(list_json).read_text()
    else:
        text = subprocess.run(
            ["cargo", "nextest", "list", "--message-format", "json"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    suites = json.loads(text)["rust-suites"]
    return {
        f"{binary_id}::{name}"
        for binary_id, suite in suites.items()
        for name in suite["testcases"]
    }


def load_matrix():
    matrix, errors = {}, []
    for path in sorted(HERE.glob("*.toml")):
        with path.open("rb") as f:
            for req_id, entry in tomllib.load(f).items():
                if req_id in matrix:
                    errors.append(f"{path.name}: {req_id} is listed twice")
                for field in ("level", "statement"):
                    if field not in entry:
                        errors.append(f"{path.name}: {req_id} has no `{field}`")
                matrix[req_id] = (path.name, entry.get("tests", []))
    return matrix, errors


def required_ids():
    if not REQUIREMENTS.exists():
        return None
    return set(re.findall(r"^- `([A-Za-z0-9-]+)`", REQUIREMENTS.read_text(), re.M))


def main(argv):
    list_json = argv[argv.index("--list-json") + 1] if "--list-json" in argv else None
    verbose = "--verbose" in argv
    matrix, errors = load_matrix()
    tests = known_tests(list_json)

    required = required_ids()
    if required is not None:
        errors += [f"{i} is in requirements.md but not in spec-trace" for i in sorted(required - matrix.keys())]
        errors += [f"{i} is in spec-trace but not in requirements.md" for i in sorted(matrix.keys() - required)]

    per_file = {}
    uncovered = []
    for req_id, (file, refs) in matrix.items():
        missing = [r for r in refs if r not in tests]
        errors += [f"{file}: {req_id} names a test that does not exist: {r}" for r in missing]
        covered = bool(refs) and not missing
        done, total = per_file.get(file, (0, 0))
        per_file[file] = (done + covered, total + 1)
        if not covered:
            uncovered.append(req_id)

    for file, (done, total) in sorted(per_file.items()):
        print(f"spec-trace: {file:<20} {done:>3}/{total:<3} IDs covered")
    covered_total = sum(d for d, _ in per_file.values())
    print(f"spec-trace: {covered_total} of {len(matrix)} requirement IDs covered by tests")
    if verbose and uncovered:
        print("spec-trace: not covered yet: " + ", ".join(uncovered))
    for e in errors:
        print(f"spec-trace: error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
