"""The extraction of every seed equals its golden file exactly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("regen_golden", HERE / "regen_golden.py")
assert _spec and _spec.loader
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

SEEDS = sorted((HERE.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden(path: Path) -> None:
    golden = HERE / "golden" / f"{path.stem}.json"
    assert golden.is_file(), "missing golden file; run: python tests/regen_golden.py"
    actual = regen.render(regen.extraction(path))
    assert actual == golden.read_text("utf-8"), (
        f"extraction of {path.name} changed; if intended, run: python tests/regen_golden.py"
    )


def test_five_seeds() -> None:
    assert len(SEEDS) == 5
