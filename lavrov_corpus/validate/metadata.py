"""Metadata: the card's YAML configs, versions everywhere, manifest counts and fingerprint,
the citation, and the JSON descriptors."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from .._version import __version__
from ..layout import CARD, CITATION, CROISSANT, DATAPACKAGE, MANIFEST, table_file
from ..models import TABLES
from ..models.manifest import fingerprint
from .codes import Code
from .context import Context

_BODY_VERSION = re.compile(r"(?i)\bversion\b[^\n\d]{0,40}?v?(\d+\.\d+\.\d+)\b")
_CFF_KEYS = ("cff-version", "message", "title", "authors", "version")


def _yaml(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)


def check_metadata(ctx: Context) -> None:
    """Card, citation, versions, manifest row counts and fingerprint, JSON descriptors."""
    versions: dict[str, str | None] = {}
    card = _card(ctx)
    if card is not None:
        versions[CARD] = card
    citation = _citation(ctx)
    if citation is not None:
        versions[CITATION] = citation
    if ctx.manifest is not None:
        versions[MANIFEST] = ctx.manifest.dataset_version
        _manifest(ctx)
    if ctx.collector.wants(Code.VERSION_MISMATCH):
        for where, version in versions.items():
            if version != __version__:
                said = "states no version" if version is None else f"says {version}"
                ctx.collector.add(
                    Code.VERSION_MISMATCH,
                    f"{where} {said}; the package (lavrov_corpus.__version__) is {__version__}",
                    path=where,
                    field="version",
                )
    _json_files(ctx)


def _card(ctx: Context) -> str | None:
    """Check README.md; return the version it states (None if none or unreadable)."""
    out = ctx.collector
    path = ctx.root / CARD
    if not path.is_file():
        out.add(Code.CARD_MISSING, f"{CARD} not found", path=CARD)
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        out.add(Code.CARD_YAML, f"unreadable: {exc}", path=CARD)
        return None
    match = re.match(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", text, flags=re.S | re.M)
    if not match:
        out.add(Code.CARD_YAML, "no YAML front matter between '---' lines", path=CARD)
        return None
    try:
        meta = _yaml(match.group(1))
    except Exception as exc:
        out.add(Code.CARD_YAML, f"front matter is not valid YAML: {exc}", path=CARD)
        return None
    if not isinstance(meta, dict):
        out.add(Code.CARD_YAML, "front matter is not a mapping", path=CARD)
        return None
    _configs(ctx, meta.get("configs"))
    for key in ("version", "dataset_version"):
        if isinstance(meta.get(key), str):
            return str(meta[key])
    info = meta.get("dataset_info")
    if isinstance(info, dict):
        v = info.get("version")
        if isinstance(v, dict):
            v = v.get("version_str")
        if isinstance(v, str):
            return v
    found = _BODY_VERSION.search(text[match.end() :])
    return found.group(1) if found else None


def _config_paths(data_files: Any) -> list[str] | None:
    """Paths named by a config's ``data_files`` (any of the forms HF accepts), or None."""
    if isinstance(data_files, str):
        return [data_files]
    if isinstance(data_files, dict):
        data_files = [data_files]
    if not isinstance(data_files, list):
        return None
    paths: list[str] = []
    for item in data_files:
        if isinstance(item, str):
            paths.append(item)
        elif isinstance(item, dict) and isinstance(item.get("path"), str | list):
            p = item["path"]
            paths.extend([p] if isinstance(p, str) else [str(x) for x in p])
        else:
            return None
    return paths


def _configs(ctx: Context, configs: Any) -> None:
    out = ctx.collector
    if not isinstance(configs, list) or not all(isinstance(c, dict) for c in configs):
        out.add(
            Code.CARD_YAML,
            "'configs' is missing or not a list of mappings",
            path=CARD,
            field="configs",
        )
        return
    by_name = {c.get("config_name"): c for c in configs}
    defaults = [c.get("config_name") for c in configs if c.get("default") is True]
    if len(defaults) != 1:
        out.add(
            Code.CARD_CONFIG_PATH,
            f"expected one default config, found {len(defaults)}",
            path=CARD,
            field="default",
        )
    for name in by_name:
        if name not in TABLES:
            out.add(
                Code.CARD_CONFIG_PATH,
                f"config {name!r} is not a table",
                path=CARD,
                field="config_name",
            )
    for table in TABLES:
        want = table_file(table).as_posix()
        config = by_name.get(table)
        if config is None:
            out.add(
                Code.CARD_CONFIG_PATH,
                f"no config for table {table!r}",
                table=table,
                path=CARD,
                field="configs",
            )
            continue
        paths = _config_paths(config.get("data_files"))
        if paths is None:
            out.add(
                Code.CARD_CONFIG_PATH,
                "data_files is malformed",
                table=table,
                path=CARD,
                field="data_files",
            )
            continue
        for p in paths:
            unsafe = PurePosixPath(p).is_absolute() or ".." in PurePosixPath(p).parts
            if unsafe or not p or not list(ctx.root.glob(p)):
                out.add(
                    Code.CARD_CONFIG_PATH,
                    f"data_files path {p!r} matches no file",
                    table=table,
                    path=CARD,
                    field="data_files",
                )
        if want not in paths:
            out.add(
                Code.CARD_CONFIG_PATH,
                f"data_files {paths} do not name {want}",
                table=table,
                path=CARD,
                field="data_files",
            )


def _citation(ctx: Context) -> str | None:
    out = ctx.collector
    path = ctx.root / CITATION
    if not path.is_file():
        out.add(Code.CITATION_INVALID, f"{CITATION} not found", path=CITATION)
        return None
    try:
        data = _yaml(path.read_text(encoding="utf-8"))
    except Exception as exc:
        out.add(Code.CITATION_INVALID, f"not YAML: {exc}", path=CITATION)
        return None
    if not isinstance(data, dict):
        out.add(Code.CITATION_INVALID, "not a YAML mapping", path=CITATION)
        return None
    for key in _CFF_KEYS:
        if key not in data:
            out.add(
                Code.CITATION_INVALID, f"required key {key!r} missing", path=CITATION, field=key
            )
    version = data.get("version")
    return None if version is None else str(version)


def _manifest(ctx: Context) -> None:
    out = ctx.collector
    manifest = ctx.manifest
    assert manifest is not None
    for table in TABLES:
        rows = ctx.rows.get(table)
        listed = manifest.row_counts.get(table)
        if listed is None:
            out.add(
                Code.MANIFEST_ROW_COUNT,
                "table missing from row_counts",
                table=table,
                path=MANIFEST,
                field="row_counts",
            )
        elif rows is not None and rows != listed:
            out.add(
                Code.MANIFEST_ROW_COUNT,
                f"{rows} rows, manifest says {listed}",
                table=table,
                path=MANIFEST,
                field="row_counts",
            )
    for name in manifest.row_counts:
        if name not in TABLES:
            out.add(
                Code.MANIFEST_ROW_COUNT,
                f"row_counts names unknown table {name!r}",
                path=MANIFEST,
                field="row_counts",
            )
    expected = fingerprint(manifest.files)
    if manifest.fingerprint != expected:
        out.add(
            Code.MANIFEST_FINGERPRINT,
            f"fingerprint of the listed files is {expected}",
            path=MANIFEST,
            field="fingerprint",
        )


def _json_files(ctx: Context) -> None:
    for name in (CROISSANT, DATAPACKAGE):
        path = ctx.root / name
        if not path.is_file():
            continue  # absence is file-missing when the manifest lists it
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            ctx.collector.add(Code.METADATA_JSON_INVALID, f"not JSON: {exc}", path=name)
            continue
        if not isinstance(data, dict):
            ctx.collector.add(Code.METADATA_JSON_INVALID, "not a JSON object", path=name)
