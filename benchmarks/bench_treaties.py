"""Throughput of the treaty mention tagger on the seed articles, repeated.

    python benchmarks/bench_treaties.py [--repeat N]

Prints articles/s and MB/s (UTF-8 bytes of the decoded text) on one core.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lavrov_corpus.extract.treaties import tag_treaties

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=400, help="passes over the seeds")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    tag_treaties(texts[0])  # build the matcher outside the timing
    mentions = 0
    begin = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            mentions += len(tag_treaties(text))
    elapsed = time.perf_counter() - begin
    n = args.repeat * len(texts)
    print(
        f"{n} articles ({size * args.repeat / 1e6:.1f} MB, {mentions} mentions) in {elapsed:.2f} s:"
        f" {n / elapsed:,.0f} articles/s, {size * args.repeat / 1e6 / elapsed:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
