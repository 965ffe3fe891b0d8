"""End-to-end build benchmark: whole ``lavrov-corpus build`` processes on synthetic corpora.

    python benchmarks/bench_build.py                 # 1,000 and 10,000 articles, 3 runs each
    python benchmarks/bench_build.py --sizes 1000 10000 100000 --runs 3

For each size: articles/s and MB/s end to end (discover, read, decode, clean, extract, attribute,
tag treaties, write Parquet, card, descriptors, manifest, validate, swap), the median of ``runs``
builds; the CPU seconds of the build and its workers (median; steadier than the wall clock on a
shared machine); and the peak resident memory of the largest process (the build or one of its
workers), from ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process per run. Also: the converter
alone, in one process, on the first 1,000 articles, to show where the time goes. Writes
``benchmarks/results/build.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import generate  # noqa: E402

WORK = HERE / "results" / "tmp"
RUN = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "dt = time.perf_counter() - t\n"
    "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "cpu = ru.ru_utime + ru.ru_stime\n"
    "out = {'rc': p.returncode, 'seconds': dt, 'cpu': cpu, 'rss_kb': ru.ru_maxrss,\n"
    "       'err': p.stderr[-500:]}\n"
    "print(json.dumps(out))\n"
)


def one_build(corpus: Path, out: Path, jobs: int | None) -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "lavrov_corpus",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--no-cache",
        "--quiet",
    ]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    shutil.rmtree(out, ignore_errors=True)
    res = subprocess.run(
        [sys.executable, "-c", RUN, *cmd], capture_output=True, text=True, check=True
    )
    data = json.loads(res.stdout)
    if data["rc"] != 0:
        raise SystemExit(f"build failed: {data['err']}")
    return data  # type: ignore[no-any-return]


def converter_alone(corpus: Path, n: int = 1000) -> float:
    """Microseconds per article of ``convert_bytes`` alone, one process."""
    from lavrov_corpus.extract import convert_bytes

    files = sorted(corpus.rglob("*.txt"))[:n]
    data = [(f.read_bytes(), f.name) for f in files]
    start = time.perf_counter()
    for raw, name in data:
        convert_bytes(raw, source_path=name)
    return (time.perf_counter() - start) / len(data) * 1e6


def versions() -> str:
    import datasets
    import pyarrow
    import pydantic

    import lavrov_corpus

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.platform()}, {cpu}, {len(os.sched_getaffinity(0))} cores; Python "
        f"{platform.python_version()}, lavrov-corpus {lavrov_corpus.__version__}, pyarrow "
        f"{pyarrow.__version__}, pydantic {pydantic.__version__}, datasets {datasets.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "build.md")
    args = parser.parse_args()
    rows = []
    per_article_us = None
    for n in args.sizes:
        corpus = generate(n, WORK / f"corpus-{n}")
        mb = sum(f.stat().st_size for f in corpus.rglob("*.txt")) / 1e6
        if per_article_us is None:
            per_article_us = converter_alone(corpus)
        runs = [one_build(corpus, WORK / f"out-{n}", args.jobs) for _ in range(args.runs)]
        seconds = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        rss = max(r["rss_kb"] for r in runs) / 1024
        rows.append((n, mb, seconds, n / seconds, mb / seconds, cpu, rss))
        print(
            f"{n:>7} articles {mb:7.1f} MB  {seconds:7.2f} s  {n / seconds:7.0f} art/s  "
            f"{mb / seconds:5.2f} MB/s  {cpu:7.2f} CPU s  peak RSS {rss:6.0f} MB",
            flush=True,
        )
    jobs = args.jobs or len(os.sched_getaffinity(0))
    lines = [
        "# Build benchmark",
        "",
        f"Command: `python benchmarks/bench_build.py --sizes {' '.join(map(str, args.sizes))} "
        f"--runs {args.runs}` (whole `lavrov-corpus build --no-cache --quiet` processes, "
        f"{jobs} jobs, median of {args.runs} runs).",
        "",
        f"Machine: {versions()}.",
        "",
        "| articles | input MB | seconds | articles/s | MB/s | CPU seconds "
        "| peak RSS of one process (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {n} | {mb:.1f} | {s:.2f} | {a:.0f} | {m:.2f} | {c:.1f} | {r:.0f} |"
        for n, mb, s, a, m, c, r in rows
    ]
    if per_article_us is not None:
        lines += [
            "",
            f"Converter alone (`convert_bytes`, one process, first 1,000 articles): "
            f"{per_article_us:.0f} us/article = {1e6 / per_article_us:.0f} articles/s per core.",
        ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
