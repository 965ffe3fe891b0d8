"""Regenerate the golden extraction files of the seeds: ``python tests/regen_golden.py``.

Run it only after checking that a change of the converter's output is intended; the diff of
``tests/golden/`` is then the review of that change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "tests" / "golden"


def extraction(path: Path) -> dict[str, Any]:
    """The full extraction of one seed as plain JSON data."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from lavrov_corpus.extract import Conversion, convert_bytes

    conv = convert_bytes(path.read_bytes(), source_path=path.name)
    assert isinstance(conv, Conversion), conv
    return {
        "article": conv.article.model_dump(mode="json"),
        "quotes": [q.model_dump(mode="json") for q in conv.quotes],
        "speakers": [s.model_dump(mode="json") for s in conv.speakers],
        "encoding": conv.encoding,
        "encoding_confidence": conv.encoding_confidence,
        "text_sha256": conv.text_sha256,
    }


def render(data: dict[str, Any]) -> str:
    """Deterministic JSON text of an extraction."""
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    """Write ``tests/golden/<seed-stem>.json`` for every seed."""
    GOLDEN.mkdir(exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt")):
        (GOLDEN / f"{path.stem}.json").write_text(render(extraction(path)), "utf-8")
        print(f"wrote tests/golden/{path.stem}.json")


if __name__ == "__main__":
    main()
