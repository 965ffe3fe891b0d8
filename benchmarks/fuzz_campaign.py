"""A long fuzz campaign over the converter: the properties of ``tests/test_fuzz_build.py``, longer.

    python benchmarks/fuzz_campaign.py --seconds 300            # about five minutes
    python benchmarks/fuzz_campaign.py --inputs 20000 --seed 7  # a fixed number of inputs

Each round draws from a seeded ``random.Random`` (round ``i`` uses seed ``SEED * 1_000_003 + i``,
so any failure is reproduced with ``--replay i``) and runs, in turn:

* ``article``: a structured article-like file (random quote marks, nesting, stray marks, hard
  wraps, furniture) with random line endings in a random encoding;
* ``mutant``: the same with a few random byte edits;
* ``bytes``: random bytes (every fourth round);
* ``invariance``: the article with LF, CRLF, CR and mixed line endings and in UTF-8, UTF-8 with
  BOM and UTF-16 must give the same ``articles.text`` (every fourth round);

and checks every span invariant with ``check_conversion``. ``--builds N`` adds N whole builds of
random folders at the end. Prints inputs tried, failures (with their round and kind), seconds
and throughput; ``--save DIR`` writes each failing input there. Exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent))

from test_fuzz_build import (  # noqa: E402 - after the path set-up
    ENCODINGS,
    EOLS,
    _random_folder,
    check_conversion,
    mutate,
    random_article,
    render,
)

from lavrov_corpus.build import build_dataset  # noqa: E402
from lavrov_corpus.extract import Conversion, Rejection, convert_bytes  # noqa: E402
from lavrov_corpus.layout import table_path  # noqa: E402
from lavrov_corpus.models import RejectReason  # noqa: E402
from lavrov_corpus.parquet_io import read_arrow  # noqa: E402

_BLANK = {RejectReason.EMPTY, RejectReason.WHITESPACE_ONLY}


def _invariance(text: str, rng: random.Random) -> list[bytes]:
    """Check that line endings and Unicode encodings do not change the text; return inputs."""
    base_data = render(text, "\n", "utf-8")
    base = convert_bytes(base_data, source_path="x.txt")
    check_conversion(base_data, base)
    inputs = [base_data]
    for eol, enc in (
        ("\r\n", "utf-8"),
        ("\r", "utf-8"),
        ("mixed", "utf-8"),
        ("\n", "utf-8-sig"),
        ("\r\n", "utf-16-le-bom"),
        ("\r", "utf-16-be-bom"),
    ):
        data = render(text, eol, enc, rng)
        inputs.append(data)
        other = convert_bytes(data, source_path="x.txt")
        check_conversion(data, other)
        if isinstance(base, Rejection):
            assert isinstance(other, Rejection), (eol, enc)
            assert other.reason == base.reason or {other.reason, base.reason} <= _BLANK
        else:
            assert isinstance(other, Conversion), (eol, enc, other)
            assert other.article.text == base.article.text, (eol, enc)
    return inputs


def run_round(i: int, seed: int) -> tuple[int, list[tuple[str, bytes, str]]]:
    """Round ``i``: returns (inputs converted, failures as (kind, input, error))."""
    rng = random.Random(seed * 1_000_003 + i)
    failures: list[tuple[str, bytes, str]] = []
    tried = 0
    text = random_article(rng)
    article = render(text, rng.choice(EOLS), rng.choice(ENCODINGS), rng)
    jobs: list[tuple[str, bytes]] = [("article", article), ("mutant", mutate(article, rng))]
    if i % 4 == 0:
        jobs.append(("bytes", rng.randbytes(rng.randint(0, 3000))))
    for kind, data in jobs:
        tried += 1
        try:
            check_conversion(data, convert_bytes(data, source_path="fuzz/x.txt"))
        except Exception:
            failures.append((kind, data, traceback.format_exc(limit=3)))
    if i % 4 == 2:
        tried += 7
        try:
            _invariance(text, rng)
        except Exception:
            failures.append(
                ("invariance", text.encode("utf-8", "surrogatepass"), traceback.format_exc(limit=3))
            )
    return tried, failures


def run_builds(n: int, seed: int) -> tuple[int, list[str]]:
    """``n`` whole builds of random folders; returns (files built, failures)."""
    files, failures = 0, []
    for k in range(n):
        rng = random.Random(seed * 7919 + k)
        with tempfile.TemporaryDirectory() as tmp:
            src, out = Path(tmp) / "in", Path(tmp) / "out"
            src.mkdir()
            count = _random_folder(src, rng)
            files += count
            try:
                result = build_dataset(src, out, jobs=1, cache_dir=None)
                rows = read_arrow(table_path(out, "provenance")).num_rows
                assert rows == result.inputs == count, (rows, result.inputs, count)
            except Exception:
                failures.append(f"build {k}: {traceback.format_exc(limit=3)}")
    return files, failures


def main(argv: list[str] | None = None) -> int:
    """Run the campaign; exit status 1 if any input failed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    ap.add_argument("--inputs", type=int, default=None, help="stop after this many inputs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--builds", type=int, default=0, help="whole random-folder builds to add")
    ap.add_argument("--replay", type=int, default=None, help="run only this round, verbosely")
    ap.add_argument("--save", type=Path, default=None, help="write failing inputs here")
    args = ap.parse_args(argv)

    if args.replay is not None:
        tried, failures = run_round(args.replay, args.seed)
        for kind, _data, err in failures:
            print(f"[{kind}]\n{err}")
        print(f"round {args.replay}: {tried} inputs, {len(failures)} failures")
        return 1 if failures else 0

    start = time.perf_counter()
    tried, rounds, kinds = 0, 0, Counter[str]()
    failed: list[tuple[int, str, bytes, str]] = []
    while True:
        elapsed = time.perf_counter() - start
        if (args.inputs is not None and tried >= args.inputs) or (
            args.inputs is None and elapsed >= args.seconds
        ):
            break
        n, fails = run_round(rounds, args.seed)
        tried += n
        for kind, data, err in fails:
            kinds[kind] += 1
            failed.append((rounds, kind, data, err))
        rounds += 1
    convert_seconds = time.perf_counter() - start
    build_files, build_failures = run_builds(args.builds, args.seed) if args.builds else (0, [])
    seconds = time.perf_counter() - start

    for rnd, kind, _data, err in failed[:10]:
        print(f"--- round {rnd} [{kind}] (replay: --seed {args.seed} --replay {rnd})\n{err}")
    for msg in build_failures[:5]:
        print(f"--- {msg}")
    if args.save and failed:
        args.save.mkdir(parents=True, exist_ok=True)
        for rnd, kind, data, _err in failed:
            (args.save / f"round{rnd:07d}-{kind}.bin").write_bytes(data)
    print(
        f"fuzz campaign: seed {args.seed}, {rounds} rounds, {tried} inputs converted in "
        f"{convert_seconds:.1f} s ({tried / max(convert_seconds, 1e-9):.0f} inputs/s); "
        f"failures {len(failed)} {dict(kinds) if kinds else ''}".rstrip()
    )
    if args.builds:
        print(
            f"builds: {args.builds} random folders, {build_files} files, "
            f"{len(build_failures)} failures; total {seconds:.1f} s"
        )
    return 1 if failed or build_failures else 0


if __name__ == "__main__":
    sys.exit(main())
