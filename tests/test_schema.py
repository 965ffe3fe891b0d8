"""The derived schemas agree with the models and with what is committed in schema/."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pyarrow as pa
import pytest
from datasets import Features

from lavrov_corpus import schema
from lavrov_corpus.models import TABLES

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "lavrov-corpus export-schema --out schema"


def test_schema_folder_is_up_to_date() -> None:
    stale = schema.stale_files(ROOT / "schema")
    assert not stale, f"schema/ is stale ({', '.join(stale)}); regenerate with: {REGENERATE}"


def test_schema_folder_has_no_extra_files() -> None:
    present = {p.name for p in (ROOT / "schema").iterdir()}
    assert present == set(schema.exported_files()), f"regenerate with: {REGENERATE}"


@pytest.mark.parametrize("table", list(TABLES))
def test_arrow_columns_follow_model_fields(table: str) -> None:
    model = TABLES[table]
    arrow = schema.arrow_schema(table)
    assert arrow.names == list(model.model_fields)
    for name, info in model.model_fields.items():
        annotation = info.annotation
        optional = type(None) in typing.get_args(annotation)
        assert arrow.field(name).nullable is optional, name
        assert arrow.field(name).metadata[b"description"].decode() == info.description


@pytest.mark.parametrize("table", list(TABLES))
def test_hf_features_round_trip_through_arrow(table: str) -> None:
    derived = schema.features(table)
    assert Features.from_arrow_schema(schema.arrow_schema(table)) == derived
    assert derived.to_dict() == schema.features_dict(table)


@pytest.mark.parametrize("table", list(TABLES))
def test_json_schema_requires_every_column(table: str) -> None:
    exported = schema.json_schema(table)
    assert exported["additionalProperties"] is False
    assert set(exported["properties"]) == set(TABLES[table].model_fields)
    assert set(exported["required"]) == set(TABLES[table].model_fields)
    json.dumps(exported)  # serialisable


def test_list_items_and_struct_children_are_non_null() -> None:
    articles = schema.arrow_schema("articles")
    mentions = articles.field("mentions").type
    assert isinstance(mentions, pa.ListType)
    assert not mentions.value_field.nullable
    assert not mentions.value_type.field("treaty_id").nullable
    assert articles.field("published").type == pa.date32()


def test_export_cli_check_detects_staleness(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lavrov_corpus.cli import _register, app

    _register()
    runner = CliRunner()
    assert runner.invoke(app, ["export-schema", "--out", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["export-schema", "--out", str(tmp_path), "--check"]).exit_code == 0
    (tmp_path / "quotes.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["export-schema", "--out", str(tmp_path), "--check"])
    assert result.exit_code == 1
    assert "quotes.schema.json" in result.output
