"""Run every benchmark in bench/ and print one table.

A benchmark is a bench/*.py script (not starting with "_") that defines `main`; it prints its
figures as lines `name<TAB>value<TAB>unit` and exits non-zero when something went wrong.
Other output is passed through to stderr. Exit status: non-zero if any script failed.

    python bench/run_all.py [--only load_test,digest_bench] [-- extra args for every script]
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def scripts() -> list[Path]:
    found = []
    for path in sorted(BENCH.glob("*.py")):
        if path.name.startswith("_") or path.name == Path(__file__).name:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        if any(isinstance(n, ast.FunctionDef) and n.name == "main" for n in tree.body):
            found.append(path)
    return found


def parse_figures(stdout: str) -> list[tuple[str, str, str]]:
    figures = []
    for line in stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] and not line.startswith("#"):
            figures.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated script names (no .py)")
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args(argv)
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}

    rows, failed = [], []
    for script in scripts():
        if wanted and script.stem not in wanted:
            continue
        print(f"== {script.name}", file=sys.stderr, flush=True)
        began = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, str(script)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=args.timeout,
            )
            status, stdout, stderr = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as expired:
            status, stdout, stderr = "timeout", expired.stdout or "", expired.stderr or ""
            stdout = stdout if isinstance(stdout, str) else stdout.decode()
            stderr = stderr if isinstance(stderr, str) else stderr.decode()
        if stderr:
            sys.stderr.write(stderr[-4000:])
        figures = parse_figures(stdout)
        rows.extend((script.stem, *figure) for figure in figures)
        rows.append((script.stem, "runtime", f"{time.monotonic() - began:.1f}", "s"))
        if status != 0 or not figures:
            failed.append(f"{script.name} ({'no figures' if status == 0 else status})")

    headers = ("script", "figure", "value", "unit")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(4)]

    def line(cells):
        a, b, c, d = (str(cell) for cell in cells)
        w = widths
        return f"{a:<{w[0]}}  {b:<{w[1]}}  {c:>{w[2]}}  {d:<{w[3]}}".rstrip()

    sys.stderr.flush()
    print(line(headers))
    print(line("-" * w for w in widths))
    for row in rows:
        print(line(row))
    if failed:
        print("\nMISLUKT: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
