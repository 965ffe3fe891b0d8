"""The conversion cache's cost and gain: whole ``lavrov-corpus build`` processes with no cache, a
cold cache and a warm one.

    python benchmarks/bench_cache.py                       # 10,000 articles, best of 3
    python benchmarks/bench_cache.py --size 1000 --runs 5 --jobs 1

For each mode, the best of ``runs`` builds: wall seconds and CPU seconds (user + system of the
build and its workers, from ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process; steadier than
the wall clock on a shared machine). ``cold`` starts from an empty cache folder each run,
``warm`` reuses the folder a cold build filled. Also the cache's size on disk and file count.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import RUN, WORK  # noqa: E402
from synth import generate  # noqa: E402


def build(corpus: Path, out: Path, cache: Path | None, jobs: int | None) -> dict[str, float]:
    """One whole build process: its wall and CPU seconds."""
    cmd = [sys.executable, "-m", "lavrov_corpus", "build", str(corpus), "--out", str(out)]
    cmd += ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    cmd += ["--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    shutil.rmtree(out, ignore_errors=True)
    res = subprocess.run([sys.executable, "-c", RUN, *cmd], capture_output=True, text=True)
    data = json.loads(res.stdout)
    if data["rc"] != 0:
        raise SystemExit(f"build failed: {data['err']}")
    return data  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    corpus = generate(args.size, WORK / f"corpus-{args.size}")
    out, cache = WORK / f"out-cache-{args.size}", WORK / f"cache-{args.size}"
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.runs):
        for mode in ("none", "cold", "warm"):
            if mode == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            r = build(corpus, out, None if mode == "none" else cache, args.jobs)
            old = best.get(mode, (float("inf"), float("inf")))
            best[mode] = (min(old[0], r["seconds"]), min(old[1], r["cpu"]))
    files = [p for p in cache.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    base_wall, base_cpu = best["none"]
    print(f"{args.size} articles, jobs {args.jobs or 'default'}, best of {args.runs}:")
    for mode, (wall, cpu) in best.items():
        extra_wall = (wall - base_wall) / args.size * 1e3
        extra_cpu = (cpu - base_cpu) / args.size * 1e3
        print(
            f"  {mode:>4}: {wall:6.2f} s wall ({extra_wall:+.3f} ms/article)"
            f"  {cpu:6.2f} CPU s ({extra_cpu:+.3f} ms/article)"
        )
    print(f"  cache: {len(files)} files, {size:.1f} MB")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
