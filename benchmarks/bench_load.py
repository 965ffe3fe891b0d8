"""Cold-start load benchmark: whole Python processes, median of several runs.

    python benchmarks/bench_load.py [--runs 7] [--path DATASET_FOLDER]

Compares ``import lavrov_corpus`` + one table as Arrow, ``import lavrov_corpus`` + one table as a
``datasets.Dataset``, a bare ``import datasets``, and ``datasets.load_dataset`` of the same folder.
Writes ``benchmarks/results/load.md``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cases(path: str) -> dict[str, str]:
    return {
        "python -c pass (interpreter start)": "pass",
        "import lavrov_corpus + load('quotes', format='arrow')": (
            f"import lavrov_corpus; lavrov_corpus.load('quotes', format='arrow', path={path!r})"
        ),
        "import lavrov_corpus + load('quotes') (datasets.Dataset)": (
            f"import lavrov_corpus; lavrov_corpus.load('quotes', path={path!r})"
        ),
        "import datasets": "import datasets",
        "datasets.load_dataset(folder, 'quotes')": (
            f"import datasets; datasets.load_dataset({path!r}, 'quotes', split='train')"
        ),
    }


def timed(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    import lavrov_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--path", type=Path, default=lavrov_corpus.path())
    parser.add_argument("--out", type=Path, default=HERE / "results" / "load.md")
    args = parser.parse_args()
    results = {}
    for name, code in cases(str(args.path)).items():
        timed(code)  # warm the OS file cache: "cold" means a new interpreter, not a cold disk
        results[name] = statistics.median(timed(code) for _ in range(args.runs))
        print(f"{results[name] * 1000:8.0f} ms  {name}", flush=True)
    ours = results["import lavrov_corpus + load('quotes', format='arrow')"]
    ratio = ours / results["import datasets"]
    lines = [
        "# Load benchmark",
        "",
        f"Command: `python benchmarks/bench_load.py --runs {args.runs}` (each a new Python "
        f"process, median of {args.runs}; dataset: `{args.path.name}`).",
        "",
        "| process | ms |",
        "|---|---:|",
        *(f"| `{name}` | {t * 1000:.0f} |" for name, t in results.items()),
        "",
        f"Arrow load is {ratio:.2f}x the time of a bare `import datasets`.",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
