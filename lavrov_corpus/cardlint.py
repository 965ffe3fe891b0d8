"""Lint the YAML front matter of a dataset card before it goes to the Hub.

The Hub refuses bad card metadata with an opaque message after the upload has started; these
checks catch the same mistakes locally and say exactly what and where: the front matter is
found and parses (duplicate keys included), huggingface_hub and ``datasets`` can read it,
``license``/``language``/``size_categories`` are well-formed, every ``configs`` entry points at
files that exist, every Parquet file is reachable through some config, and ``dataset_info``
row counts agree with the manifest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import layout
from .models import TABLES

LICENSE_ID = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")
LICENSE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
SPLIT_NAME = re.compile(r"^\w+(\.\w+)*$")  # what `datasets` accepts as a split name
SPECIAL_LANGUAGES = frozenset({"code", "multilingual"})


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (the Hub and `datasets` do too)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def split_front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the opening and closing ``---`` lines, and the line number it starts on."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:i]), 2
    return None


def lint_card(
    dataset_dir: Path, files: Iterable[str], row_counts: dict[str, int] | None = None
) -> list[str]:
    """Problems of the card metadata of ``dataset_dir`` (empty when it is fine).

    ``files`` are the '/'-separated paths of the dataset folder (data files are matched against
    them); ``row_counts`` (table -> rows, from the manifest) enables the ``dataset_info`` check.
    """
    card_path = dataset_dir / layout.CARD
    if not card_path.is_file():
        return [f"{layout.CARD}: the dataset card is missing"]
    try:
        text = card_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"{layout.CARD}: not UTF-8 ({exc.reason} at byte {exc.start})"]
    block = split_front_matter(text)
    if block is None:
        return [
            f"{layout.CARD}: no YAML front matter (the first line must be '---' and the block "
            "must end with a '---' line)"
        ]
    yaml_text, first_line = block
    try:
        meta = yaml.load(yaml_text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        return [f"{layout.CARD}: invalid YAML front matter: {_yaml_error(exc, first_line)}"]
    if not isinstance(meta, dict):
        return [f"{layout.CARD}: the front matter must be a YAML mapping, not {_kind(meta)}"]

    from .hub import card_metadata_problem

    problems: list[str] = []
    hub_problem = card_metadata_problem(text)
    if hub_problem:
        problems.append(f"{layout.CARD}: {hub_problem}")
    problems += _check_license(meta)
    problems += _check_language(meta)
    problems += _check_size_categories(meta)
    if "pretty_name" in meta and not (isinstance(meta["pretty_name"], str) and meta["pretty_name"]):
        problems.append("pretty_name: must be a non-empty string")
    file_list = sorted(files)
    config_files, config_problems = _check_configs(meta, file_list)
    problems += config_problems
    problems += _check_dataset_info(meta, config_files, row_counts)
    if not problems:
        problems += _check_with_datasets(meta)
    return [p if p.startswith(layout.CARD) else f"{layout.CARD}: {p}" for p in problems]


def _check_license(meta: dict[str, Any]) -> list[str]:
    if "license" not in meta:
        return ["license: missing (use a Hub license id such as 'cc-by-4.0', or 'other')"]
    licenses = _str_list(meta["license"])
    if licenses is None or not licenses:
        return ["license: must be a license id or a list of license ids"]
    problems = [
        f"license: {lic!r} is not a Hub license id (lowercase, e.g. 'cc-by-4.0', 'mit', 'other')"
        for lic in licenses
        if not LICENSE_ID.match(lic)
    ]
    if "other" in licenses:
        name = meta.get("license_name")
        if not (isinstance(name, str) and LICENSE_NAME.match(name)):
            problems.append(
                "license_name: required with license 'other', lowercase with '-' or '.' "
                f"(got {name!r})"
            )
        if not isinstance(meta.get("license_link"), str):
            problems.append("license_link: required with license 'other' (a URL or a file path)")
    return problems


def _check_language(meta: dict[str, Any]) -> list[str]:
    if "language" not in meta:
        return ["language: missing (ISO 639 codes such as 'en')"]
    languages = _str_list(meta["language"])
    if languages is None or not languages:
        return ["language: must be a language code or a list of language codes"]
    known = _known_languages()
    problems = []
    for lang in languages:
        if lang in SPECIAL_LANGUAGES:
            continue
        if not LANGUAGE_TAG.match(lang):
            problems.append(f"language: {lang!r} is not an ISO 639 code such as 'en' or 'ru'")
        elif known and lang.split("-")[0] not in known:
            problems.append(f"language: {lang!r} is not a known ISO 639-1/2/3 code")
    return problems


def _check_size_categories(meta: dict[str, Any]) -> list[str]:
    if "size_categories" not in meta:
        return []
    values = _str_list(meta["size_categories"])
    allowed = _size_categories()
    if values is None:
        return ["size_categories: must be a string or a list of strings"]
    return [
        f"size_categories: {v!r} is not one of {', '.join(allowed)}"
        for v in values
        if allowed and v not in allowed
    ]


def _check_configs(meta: dict[str, Any], files: list[str]) -> tuple[dict[str, set[str]], list[str]]:
    """config_name -> files its data_files match, and the problems found."""
    configs = meta.get("configs")
    if configs is None:
        return {}, ["configs: missing (one config per table, each with config_name and data_files)"]
    if not isinstance(configs, list) or not configs:
        return {}, ["configs: must be a non-empty list of mappings"]
    problems: list[str] = []
    matched: dict[str, set[str]] = {}
    defaults: list[str] = []
    for i, config in enumerate(configs):
        where = f"configs[{i}]"
        if not isinstance(config, dict):
            problems.append(f"{where}: must be a mapping, not {_kind(config)}")
            continue
        name = config.get("config_name")
        if not (isinstance(name, str) and name):
            problems.append(f"{where}: config_name missing or not a string")
            continue
        where = f"configs[{i}] ({name!r})"
        if name in matched:
            problems.append(f"{where}: config_name used twice")
            continue
        if config.get("default") is True or name == "default":
            defaults.append(name)
        elif "default" in config and not isinstance(config["default"], bool):
            problems.append(f"{where}: default must be true or false")
        patterns, shape_problem = _data_file_patterns(config.get("data_files"))
        if shape_problem:
            problems.append(f"{where}: data_files {shape_problem}")
            matched[name] = set()
            continue
        hits: set[str] = set()
        for pattern in patterns:
            found = {f for f in files if _glob_match(pattern, f)}
            if not found:
                problems.append(f"{where}: data_files {pattern!r} matches no file of the folder")
            hits |= found
        matched[name] = hits
    if len(defaults) > 1:
        problems.append(f"configs: several default configs: {', '.join(defaults)}")
    reachable = set().union(*matched.values()) if matched else set()
    for path in files:
        if path.endswith(".parquet") and path not in reachable:
            problems.append(f"configs: {path} is not reachable through any config's data_files")
    return matched, problems


def _data_file_patterns(data_files: Any) -> tuple[list[str], str | None]:
    if isinstance(data_files, str):
        return [data_files], None
    if not isinstance(data_files, list) or not data_files:
        return [], "must be a path, a list of paths, or a list of {split, path} mappings"
    patterns: list[str] = []
    for item in data_files:
        if isinstance(item, str):
            patterns.append(item)
            continue
        if not (isinstance(item, dict) and set(item) == {"split", "path"}):
            return [], "entries must be paths or mappings with exactly the keys 'split' and 'path'"
        split = item["split"]
        if not (isinstance(split, str) and SPLIT_NAME.match(split)):
            return [], f"split {split!r} is not a valid split name (letters, digits, '_', '.')"
        paths = _str_list(item["path"])
        if not paths:
            return [], f"split {split!r}: path must be a path or a non-empty list of paths"
        patterns += paths
    return patterns, None


def _check_dataset_info(
    meta: dict[str, Any], config_files: dict[str, set[str]], row_counts: dict[str, int] | None
) -> list[str]:
    info = meta.get("dataset_info")
    if info is None:
        return []
    entries = [info] if isinstance(info, dict) else info
    if not isinstance(entries, list):
        return ["dataset_info: must be a mapping or a list of mappings"]
    problems: list[str] = []
    table_of_file = {str(layout.table_file(t)): t for t in TABLES}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"dataset_info[{i}]: must be a mapping")
            continue
        name = entry.get("config_name", "default")
        if config_files and name not in config_files:
            problems.append(f"dataset_info[{i}]: config_name {name!r} is not in configs")
            continue
        splits = entry.get("splits", [])
        if not isinstance(splits, list) or not all(isinstance(s, dict) for s in splits):
            problems.append(f"dataset_info[{i}] ({name!r}): splits must be a list of mappings")
            continue
        incomplete = [
            s.get("name", j)
            for j, s in enumerate(splits)
            if not {"name", "num_examples", "num_bytes"} <= set(s)
        ]
        if incomplete:
            # `datasets` silently ignores such splits (it only logs): refuse them here.
            problems.append(
                f"dataset_info[{i}] ({name!r}): split(s) {incomplete} need name, num_examples "
                "and num_bytes"
            )
            continue
        tables = {table_of_file[f] for f in config_files.get(name, set()) if f in table_of_file}
        if row_counts is None or len(tables) != 1 or not splits:
            continue
        (table,) = tables
        counts = [s.get("num_examples") for s in splits]
        if not all(isinstance(c, int) for c in counts):
            problems.append(f"dataset_info[{i}] ({name!r}): num_examples must be integers")
        elif table in row_counts and sum(counts) != row_counts[table]:
            problems.append(
                f"dataset_info[{i}] ({name!r}): num_examples total {sum(counts)} but the "
                f"manifest has {row_counts[table]} rows in {table}"
            )
    return problems


def _check_with_datasets(meta: dict[str, Any]) -> list[str]:
    """Parse configs and dataset_info the way `datasets.load_dataset` will."""
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs

    from .hub import dataset_card_data

    try:
        data = dataset_card_data(meta)
        MetadataConfigs.from_dataset_card_data(data)
        DatasetInfosDict.from_dataset_card_data(data)
    except Exception as exc:  # any failure here is a card `datasets` cannot load
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [f"`datasets` cannot read configs/dataset_info: {first}"]
    return []


def _glob_match(pattern: str, path: str) -> bool:
    """fsspec-style glob: '*' and '?' stay within one path segment, '**' crosses segments."""
    pattern = pattern.removeprefix("./")
    regex = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            regex += ".*"
            i += 2
        elif pattern[i] == "*":
            regex += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(pattern[i])
            i += 1
    return re.fullmatch(regex, path) is not None


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _kind(value: Any) -> str:
    return "nothing" if value is None else f"a {type(value).__name__}"


def _yaml_error(exc: yaml.YAMLError, first_line: int) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return str(problem)
    return f"line {mark.line + first_line}, column {mark.column + 1}: {problem}"


@cache
def _known_languages() -> frozenset[str]:
    # The language codes `datasets` ships (ISO 639-1/2/3); empty if the resource moved.
    try:
        raw = resources.files("datasets.utils.resources").joinpath("languages.json").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    return frozenset(json.loads(raw))


@cache
def _size_categories() -> tuple[str, ...]:
    try:
        raw = (
            resources.files("datasets.utils.resources").joinpath("size_categories.json").read_text()
        )
    except (ModuleNotFoundError, FileNotFoundError):
        return ()
    return tuple(json.loads(raw))
