"""Converter cost as CPU instructions per article, counted by valgrind: a figure that does not
move with the load of a shared machine (wall and CPU time do, by 5-10%).

    python benchmarks/convert_instructions.py /tmp/syn-2000 [--articles 100]

Runs ``convert_bytes`` over the first ``--articles`` ``*.txt`` files under the folder once, and
once more in a second process that converts them twice, both under ``valgrind --tool=callgrind``
with ``PYTHONHASHSEED=0``; the difference is one warm pass (imports, regex compilation and the
first-use caches cancel out). Needs ``valgrind`` on the PATH; takes about a minute for 100
articles.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_RUN = """
import sys
from pathlib import Path
from lavrov_corpus.extract import convert_bytes
paths = sorted(Path(sys.argv[1]).rglob("*.txt"))[: int(sys.argv[2])]
files = [(p.name, p.read_bytes()) for p in paths]
for _ in range(int(sys.argv[3])):
    for name, data in files:
        convert_bytes(data, source_path=name)
"""


def instructions(folder: Path, articles: int, passes: int) -> int:
    """Instructions valgrind counts for a whole process converting the files ``passes`` times."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    cmd += ["-c", _RUN, str(folder), str(articles), str(passes)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stderr
    m = re.search(r"Collected : (\d+)", out)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1))


def main() -> int:
    """Print instructions per article of one warm pass."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args()
    one = instructions(args.folder, args.articles, 1)
    two = instructions(args.folder, args.articles, 2)
    print(f"{(two - one) / args.articles:,.0f} instructions per article (warm pass)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
