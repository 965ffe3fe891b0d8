"""A sha256 of the converter's full output over a fixed set of inputs: the check that a speed-up
changed nothing.

    python benchmarks/conversion_digest.py [--synthetic 2000] [--mutants 6] [--save F] [--check F]

Inputs: every ``*.txt`` under ``seeds/`` and ``tests/data/`` (the seeds once more with their
``metadata.toml`` entries), ``--synthetic`` articles of ``benchmarks/synth.py``, and
``--mutants`` deterministic distortions of each real file (lines dropped, repeated or joined,
quote marks swapped, bytes cut, legacy encodings...) so that rare paths are exercised too. Each
result is rendered with ``model_dump`` in both JSON and Python mode (the latter keeps value types:
an enum stays an enum) or as the :class:`Rejection`'s fields. ``--save`` writes one hash per
input, ``--check`` compares with such a file and names the inputs whose output changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synth import article, seed_lines  # noqa: E402

from lavrov_corpus.extract import Conversion, convert_bytes  # noqa: E402
from lavrov_corpus.models.sidecar import CuratedMetadata, Sidecar  # noqa: E402

Input = tuple[str, bytes, CuratedMetadata | None]


def render(result: object) -> str:
    """Deterministic text of one conversion result."""
    if isinstance(result, Conversion):
        models = [result.article, *result.quotes, *result.speakers]
        data = {
            "json": [m.model_dump(mode="json") for m in models],
            "python": repr(
                [(type(m).__name__, sorted(m.model_fields_set), m.model_dump()) for m in models]
            ),
            "rest": [result.encoding, result.encoding_confidence, result.text_sha256],
        }
    else:
        data = {"rejection": repr(result)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def real_files() -> list[Path]:
    """Every article file of the repository, in a fixed order."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data").rglob("*.txt"))
    return paths


def _mutations(rng: random.Random) -> list[Callable[[str], bytes]]:
    def lines_op(fn: Callable[[list[str]], list[str]]) -> Callable[[str], bytes]:
        return lambda t: "\n".join(fn(t.split("\n"))).encode("utf-8")

    def drop(ls: list[str]) -> list[str]:
        return [x for x in ls if rng.random() > 0.3]

    def repeat(ls: list[str]) -> list[str]:
        return [y for x in ls for y in ([x, x] if rng.random() < 0.2 else [x])]

    def shuffle(ls: list[str]) -> list[str]:
        ls = list(ls)
        rng.shuffle(ls)
        return ls

    def join(ls: list[str]) -> list[str]:
        return [" ".join(x for x in ls if x.strip())]

    def unwrap(ls: list[str]) -> list[str]:
        return [x for x in ls if x.strip()]

    def swap_quotes(t: str) -> bytes:
        table = [("“", '"'), ("”", '"'), ('"', "«"), ("'", "’"), ("‘", "'")]
        a, b = rng.choice(table)
        return t.replace(a, b).encode("utf-8")

    def insert_marks(t: str) -> bytes:
        chars = list(t)
        for _ in range(rng.randint(1, 8)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice("\"“”«»‘’'—:\n"))
        return "".join(chars).encode("utf-8")

    def cut(t: str) -> bytes:
        raw = t.encode("utf-8")
        return raw[: rng.randrange(len(raw) + 1)]

    def legacy(t: str) -> bytes:
        enc = rng.choice(["utf-16", "cp1251", "cp1252", "latin-1", "utf-8-sig"])
        return t.encode(enc, errors="replace")

    def case(t: str) -> bytes:
        return (t.upper() if rng.random() < 0.5 else t.lower()).encode("utf-8")

    def crlf(t: str) -> bytes:
        return t.replace("\n", "\r\n").encode("utf-8")

    def words(t: str) -> bytes:
        ws = t.split(" ")
        for _ in range(rng.randint(1, 10)):
            i, j = rng.randrange(len(ws)), rng.randrange(len(ws))
            ws[i], ws[j] = ws[j], ws[i]
        return " ".join(ws).encode("utf-8")

    return [
        lines_op(drop),
        lines_op(repeat),
        lines_op(shuffle),
        lines_op(join),
        lines_op(unwrap),
        swap_quotes,
        insert_marks,
        cut,
        legacy,
        case,
        crlf,
        words,
    ]


def inputs(synthetic: int, mutants: int) -> Iterator[Input]:
    """Every input of the digest, in a fixed order."""
    paths = real_files()
    for p in paths:
        yield str(p.relative_to(ROOT)), p.read_bytes(), None
    sidecar = Sidecar.model_validate(tomllib.loads((ROOT / "seeds/metadata.toml").read_text()))
    for entry in sidecar.article:
        p = ROOT / "seeds" / entry.file
        yield f"meta:{entry.file}", p.read_bytes(), entry
    headlines, body = seed_lines()
    for i in range(synthetic):
        yield f"synth:{i}", article(i, headlines, body), None
    for p in paths:
        text = p.read_bytes().decode("utf-8", errors="replace")
        for k in range(mutants):
            rng = random.Random(f"{p.name}:{k}")
            op = rng.choice(_mutations(rng))
            yield f"mutant:{p.name}:{k}", op(text), None


def main() -> int:
    """Print the digest (and save or check the per-input hashes)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=2000)
    ap.add_argument("--mutants", type=int, default=6)
    ap.add_argument("--save", type=Path, help="write one 'name hash' line per input")
    ap.add_argument("--check", type=Path, help="compare with a --save file")
    args = ap.parse_args()
    total = hashlib.sha256()
    hashes: dict[str, str] = {}
    for name, data, meta in inputs(args.synthetic, args.mutants):
        result = convert_bytes(data, source_path=name.rsplit("/", 1)[-1], metadata=meta)
        h = hashlib.sha256(render(result).encode("utf-8")).hexdigest()
        hashes[name] = h
        total.update(f"{name}\t{h}\n".encode())
    print(f"{len(hashes)} inputs, sha256 {total.hexdigest()}")
    if args.save:
        args.save.write_text("".join(f"{n}\t{h}\n" for n, h in hashes.items()))
    if args.check:
        before = dict(line.split("\t") for line in args.check.read_text().splitlines())
        changed = [n for n in before.keys() | hashes.keys() if before.get(n) != hashes.get(n)]
        for n in sorted(changed)[:20]:
            print(f"changed: {n}")
        print(f"{len(changed)} changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
