"""Converter throughput: articles/s and MB/s on one core.

    python benchmarks/bench_convert.py [--repeat 200] [--clock cpu] [--cold] [--corpus DIR]

Runs ``convert_bytes`` over the seeds (and, separately, the extra test articles) repeated,
after one warm-up pass, and reports the best of three timed rounds. ``--corpus DIR`` adds a
row for every ``*.txt`` under DIR (e.g. ``python benchmarks/synth.py 2000 /tmp/syn``), each
converted once per round. ``--clock cpu`` times the
process's CPU time instead of wall time (steadier on a shared machine). ``--cold`` empties the
converter's name and role caches before every article, as if each article were new (repeating
the same files otherwise lets every name lookup after the first round hit the cache).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lavrov_corpus.extract import Conversion, convert_bytes  # noqa: E402


def bench(
    files: list[tuple[str, bytes]], repeat: int, clock: str = "wall", cold: bool = False
) -> tuple[float, float, float]:
    """(articles/s, MB/s, ms per article), best of three rounds."""
    timer = time.process_time if clock == "cpu" else time.perf_counter
    for name, data in files:
        assert isinstance(convert_bytes(data, source_path=name), Conversion), name
    clear = _cache_clear() if cold else None
    best = float("inf")
    for _ in range(3):
        t0 = timer()
        for _ in range(repeat):
            for name, data in files:
                if clear is not None:
                    clear()
                convert_bytes(data, source_path=name)
        best = min(best, timer() - t0)
    n = repeat * len(files)
    size = repeat * sum(len(d) for _, d in files)
    return n / best, size / best / 1e6, best / n * 1e3


def _cache_clear() -> Callable[[], None]:
    from lavrov_corpus.extract import speakers

    caches = [getattr(speakers, name, None) for name in ("_match_phrase", "role_tokens")]
    clears = [c.cache_clear for c in caches if hasattr(c, "cache_clear")]

    def clear() -> None:
        for c in clears:
            c()

    return clear


def main() -> int:
    """Print the throughput table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    ap.add_argument(
        "--cold", action="store_true", help="empty the name and role caches before each file"
    )
    ap.add_argument("--corpus", type=Path, help="also every *.txt under this folder, once")
    args = ap.parse_args()
    sets = {
        "seeds": sorted((ROOT / "seeds").glob("*.txt")),
        "extra": sorted((ROOT / "tests/data/articles").glob("*.txt")),
    }
    if args.corpus is not None:
        sets["corpus"] = sorted(args.corpus.rglob("*.txt"))
    print(f"{'set':<8}{'files':>7}{'articles/s':>13}{'MB/s':>9}{'ms/article':>12}")
    for name, paths in sets.items():
        files = [(p.name, p.read_bytes()) for p in paths]
        repeat = 1 if name == "corpus" else args.repeat
        aps, mbs, ms = bench(files, repeat, args.clock, args.cold)
        print(f"{name:<8}{len(files):>7}{aps:>13.0f}{mbs:>9.2f}{ms:>12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
