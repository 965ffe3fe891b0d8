"""Synthetic corpora for benchmarks, made from the seeds' own lines.

Each article is a seed headline followed by body lines drawn from all seeds (so it carries the
seeds' real quotation patterns: curly and straight quotes, nested quotes, attributions, and real
treaty names), plus one line that makes it unique. Generation is deterministic (article ``i``
always has the same bytes) and writes 1,000 files per sub-folder.

    python benchmarks/synth.py 10000 /tmp/corpus-10k
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PER_FOLDER = 1000


def seed_lines() -> tuple[list[str], list[str]]:
    """(headlines, body lines) of the seed articles."""
    headlines: list[str] = []
    body: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        # The first line of 004 is site furniture ("Skip to content"); take the first long line.
        head = next(line for line in lines if len(line.split()) >= 5)
        headlines.append(head)
        body.extend(line for line in lines if line != head and len(line.split()) >= 8)
    return headlines, body


def article(i: int, headlines: list[str], body: list[str]) -> bytes:
    """The bytes of synthetic article ``i``."""
    rng = random.Random(i)
    lines = [rng.choice(headlines), ""]
    quoted = [line for line in body if "“" in line or '"' in line]
    chosen = rng.sample(body, k=min(len(body), rng.randint(6, 12)))
    chosen += rng.sample(quoted, k=min(len(quoted), 2))
    rng.shuffle(chosen)
    for line in chosen:
        lines += [line, ""]
    lines.append(f"Archive note {i}: compiled from agency reports, item {rng.randint(1, 10**9)}.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def generate(n: int, folder: Path) -> Path:
    """Write ``n`` articles into ``folder`` (reused when it already holds exactly ``n``)."""
    if is_generated(n, folder):
        return folder
    headlines, body = seed_lines()
    for i in range(n):
        sub = folder / f"part{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:07d}.txt").write_bytes(article(i, headlines, body))
    # The marker sits beside the folder: inside it, it would become an input file.
    (folder.parent / f".{folder.name}.complete-{n}").write_text("")
    return folder


def is_generated(n: int, folder: Path) -> bool:
    """True when ``folder`` already holds the ``n``-article corpus."""
    return (folder.parent / f".{folder.name}.complete-{n}").exists()


if __name__ == "__main__":
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    print(generate(count, out))
