"""The speed limit: one pure regex pass over a synthetic corpus, against the converter.

Reads every file of a synthetic corpus (``benchmarks/synth.py``), decodes it, and runs one
quotation regex over it: no cleaning, attribution or records. That is the floor of what any
regex-based extractor must do, so ``converter MB/s / regex MB/s`` says how far we are from it.

    python benchmarks/bench_limit.py --articles 2000 --runs 5
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synth import generate  # noqa: E402

# Any opening mark up to the next closing mark of the common kinds.
QUOTE = re.compile(r"[“\"«‘]([^”\"»’\n]{1,2000})[”\"»’]")


def corpus_bytes(folder: Path) -> list[bytes]:
    """Every .txt file of ``folder`` (recursively), in path order."""
    return [p.read_bytes() for p in sorted(folder.rglob("*.txt"))]


def regex_pass(files: list[bytes]) -> float:
    """Seconds for decode + one quotation regex pass over ``files``."""
    t0 = time.perf_counter()
    n = 0
    for data in files:
        n += sum(1 for _ in QUOTE.finditer(data.decode("utf-8")))
    assert n > 0
    return time.perf_counter() - t0


def converter_pass(files: list[bytes]) -> float:
    """Seconds for ``convert_bytes`` over ``files`` (one process)."""
    from lavrov_corpus.extract import convert_bytes

    t0 = time.perf_counter()
    for i, data in enumerate(files):
        convert_bytes(data, source_path=f"{i}.txt")
    return time.perf_counter() - t0


def main() -> None:
    """Print MB/s of the regex floor and of the converter, median of ``--runs``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus_bytes(generate(args.articles, Path(tmp) / "corpus"))
    mb = sum(map(len, files)) / 1e6
    converter_pass(files[:50])  # warm imports and caches
    regex = statistics.median(regex_pass(files) for _ in range(args.runs))
    conv = statistics.median(converter_pass(files) for _ in range(max(1, args.runs // 2)))
    n = len(files)
    print(f"{n} articles, {mb:.1f} MB, one core")
    print("| pass | seconds | articles/s | MB/s |\n|---|---:|---:|---:|")
    print(f"| one quotation regex (floor) | {regex:.3f} | {n / regex:,.0f} | {mb / regex:.1f} |")
    print(f"| convert_bytes (everything) | {conv:.3f} | {n / conv:,.0f} | {mb / conv:.2f} |")
    print(f"converter is {conv / regex:.0f}x the regex floor")


if __name__ == "__main__":
    main()
