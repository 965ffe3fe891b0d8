"""The curated treaty reference table: complete, sourced, consistent, and matched by the tagger."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from lavrov_corpus.extract.treaties import tag_treaties
from lavrov_corpus.models import DatePrecision, Treaty, TreatyStatus
from lavrov_corpus.parquet_io import records_to_arrow
from lavrov_corpus.reference import (
    alias_key,
    load_reference,
    shared_aliases,
    treaties,
    treaty_index,
)

SHIPPED = Path(__file__).resolve().parent.parent / "lavrov_corpus" / "data" / "treaties.json"
REQUIRED = {"abm", "inf", "start-i", "start-ii", "new-start", "open-skies", "ctbt", "jcpoa", "npt"}
STATUS_DATE = dt.date(2026, 11, 24)


def test_required_treaties_present_and_sorted() -> None:
    ids = [t.treaty_id for t in treaties()]
    assert set(ids) >= REQUIRED
    assert ids == sorted(ids)
    assert set(treaty_index()) == set(ids)
    assert treaties() is treaties()  # cached


@pytest.mark.parametrize("treaty", treaties(), ids=lambda t: t.treaty_id)
def test_row_is_valid_and_consistent(treaty: Treaty) -> None:
    assert Treaty.model_validate(treaty.model_dump()) == treaty
    assert treaty.sources, "every row needs a source"
    assert treaty.status_date == STATUS_DATE
    assert treaty.short_name and treaty.aliases
    if treaty.signed and treaty.in_force:
        assert treaty.signed <= treaty.in_force
    dates = [e.date for e in treaty.events]
    assert dates == sorted(dates)
    for event in treaty.events:
        assert event.date <= STATUS_DATE
        if event.precision is not DatePrecision.DAY:
            assert event.date.day == 1
            assert "not verified" in event.event, "a coarse date must say why"
        if event.precision is DatePrecision.YEAR:
            assert event.date.month == 1
    if treaty.in_force is None:
        assert treaty.status in {TreatyStatus.NOT_IN_FORCE, TreatyStatus.NEVER_IN_FORCE}
    # nothing was verified on Wikidata, so nothing may claim to be
    assert treaty.wikidata_id is None


def test_statuses_as_of_status_date() -> None:
    status = {t.treaty_id: t.status for t in treaties()}
    assert status["abm"] is TreatyStatus.TERMINATED
    assert status["inf"] is TreatyStatus.TERMINATED
    assert status["start-i"] is TreatyStatus.EXPIRED
    assert status["start-ii"] is TreatyStatus.NEVER_IN_FORCE
    assert status["new-start"] is TreatyStatus.EXPIRED
    assert status["ctbt"] is TreatyStatus.NOT_IN_FORCE
    assert status["jcpoa"] is TreatyStatus.DISPUTED
    assert status["npt"] is TreatyStatus.IN_FORCE
    new_start = treaty_index()["new-start"]
    assert new_start.in_force == dt.date(2011, 2, 5)  # not the 2011-01-26 ratification
    assert new_start.events[-1].date == dt.date(2026, 2, 5)


def test_rows_convert_to_the_arrow_schema() -> None:
    table = records_to_arrow("treaties", list(treaties()))
    assert table.num_rows == len(treaties())
    assert table.column("treaty_id").to_pylist() == [t.treaty_id for t in treaties()]


def _aliases() -> list[tuple[str, str]]:
    return [(t.treaty_id, a) for t in treaties() for a in t.aliases]


@pytest.mark.parametrize(("treaty_id", "alias"), _aliases(), ids=lambda v: str(v))
def test_every_alias_is_matched_whole(treaty_id: str, alias: str) -> None:
    """The tagger is generated from the table: each alias, in a sentence, is one mention."""
    text = f"Officials discussed the {alias} on Monday."
    mentions = tag_treaties(text, published=dt.date(2020, 1, 1))
    assert [m.text for m in mentions] == [alias]
    shared = {alias_key(s.alias): s for s in shared_aliases()}
    if alias_key(alias) in shared:
        assert mentions[0].treaty_id in shared[alias_key(alias)].treaty_ids
    else:
        assert mentions[0].treaty_id == treaty_id


@pytest.mark.parametrize(
    ("alias", "day", "expected"),
    [
        ("START", dt.date(2009, 12, 5), "start-i"),
        ("START", dt.date(2010, 4, 7), "start-i"),
        ("START", dt.date(2010, 4, 8), "new-start"),
        ("Moscow Treaty", dt.date(1990, 1, 1), "ptbt"),
        ("Moscow Treaty", dt.date(2002, 5, 24), "sort"),
        ("test ban treaty", dt.date(1970, 1, 1), "ptbt"),
        ("test ban treaty", dt.date(1996, 9, 24), "ctbt"),
    ],
)
def test_shared_alias_resolution(alias: str, day: dt.date, expected: str) -> None:
    (shared,) = [s for s in shared_aliases() if s.alias == alias]
    assert shared.resolve(day) == expected


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


def _row(data: dict[str, Any], treaty_id: str) -> dict[str, Any]:
    (row,) = [t for t in data["treaties"] if t["treaty_id"] == treaty_id]
    return row


def _broken(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "treaties.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_shipped_file_loads_from_a_path() -> None:
    assert load_reference(SHIPPED).treaties == load_reference().treaties


def test_undeclared_shared_alias_is_rejected(tmp_path: Path) -> None:
    data = _shipped()
    _row(data, "npt")["aliases"].append("INF Treaty")
    with pytest.raises(ValidationError, match="not declared shared"):
        load_reference(_broken(tmp_path, data))


def test_events_out_of_order_are_rejected(tmp_path: Path) -> None:
    data = _shipped()
    _row(data, "inf")["events"].reverse()
    with pytest.raises(ValidationError, match="date order"):
        load_reference(_broken(tmp_path, data))


def test_entry_into_force_before_signature_is_rejected(tmp_path: Path) -> None:
    data = _shipped()
    _row(data, "abm")["in_force"] = "1970-01-01"
    with pytest.raises(ValidationError, match="before it is signed"):
        load_reference(_broken(tmp_path, data))


def test_row_without_source_is_rejected(tmp_path: Path) -> None:
    data = _shipped()
    _row(data, "ctbt")["sources"] = []
    with pytest.raises(ValidationError):
        load_reference(_broken(tmp_path, data))


def test_unordered_shared_alias_periods_are_rejected(tmp_path: Path) -> None:
    data = _shipped()
    data["shared_aliases"][0]["resolution"].reverse()
    with pytest.raises(ValidationError, match="open"):
        load_reference(_broken(tmp_path, data))


def test_duplicate_treaty_id_is_rejected(tmp_path: Path) -> None:
    data = _shipped()
    data["treaties"].append(dict(_row(data, "npt")))
    with pytest.raises(ValidationError, match="duplicate"):
        load_reference(_broken(tmp_path, data))
