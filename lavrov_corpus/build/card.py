"""The dataset card (``README.md``): Hugging Face YAML front matter and a generated body.

Everything in the card is derived: columns and their meanings from the models, features from
:func:`lavrov_corpus.schema.features_dict`, sizes from the Parquet files just written, quality
figures from ``lavrov_corpus/data/quality.json`` (when present), normalization rules from the
docstring of :mod:`lavrov_corpus.extract.clean`, the changelog from the package's
``data/RELEASE_NOTES.md``. No dates or clocks: the card of the same input is always the same.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .._version import CONVERTER_VERSION, __version__
from ..layout import DEFAULT_TABLE, table_file, table_path
from ..models import TABLES
from ..schema import arrow_schema, features_dict
from .citation import ABSTRACT, bibtex
from .pipeline import RejectedInput

PRETTY_NAME = "Lavrov on arms control: quotes with provenance"
LICENSE_NAME = "publisher-rights-research-use"
_SIZE_CATEGORIES = [
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
]


def yaml_features(feature: dict[str, Any]) -> list[dict[str, Any]]:
    """HF ``features`` in the card's YAML list form (what ``Features._to_yaml_list`` gives)."""
    return [{"name": name, **_yaml_feature(f)} for name, f in feature.items()]


def _yaml_feature(feature: dict[str, Any]) -> dict[str, Any]:
    kind = feature.get("_type")
    if kind == "Value":
        return {"dtype": feature["dtype"]}
    if kind == "List":
        inner = _yaml_feature(feature["feature"])
        if list(inner) in (["dtype"], ["struct"]):
            return {"list": next(iter(inner.values()))}
        return {"list": inner}
    return {"struct": yaml_features(feature)}


def size_category(rows: int) -> str:
    """The Hub's size category for ``rows`` examples."""
    for limit, name in _SIZE_CATEGORIES:
        if rows < limit:
            return name
    return "n>1T" if rows > 10**12 else "10M<n<100M"


def _parquet_sizes(root: Path, table: str) -> tuple[int, int]:
    """(uncompressed size of the row groups, file size) of one table's Parquet file."""
    import pyarrow.parquet as pq

    path = table_path(root, table)
    meta = pq.ParquetFile(str(path)).metadata
    raw = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    return raw, path.stat().st_size


def front_matter(root: Path, counts: dict[str, int]) -> dict[str, Any]:
    """The YAML metadata of the card."""
    configs = []
    infos = []
    for table in TABLES:
        config: dict[str, Any] = {
            "config_name": table,
            "data_files": [{"split": "train", "path": str(table_file(table))}],
        }
        if table == DEFAULT_TABLE:
            config["default"] = True
        configs.append(config)
        raw, size = _parquet_sizes(root, table)
        infos.append(
            {
                "config_name": table,
                "features": yaml_features(features_dict(table)),
                "splits": [{"name": "train", "num_bytes": raw, "num_examples": counts[table]}],
                "download_size": size,
                "dataset_size": raw,
            }
        )
    return {
        "pretty_name": PRETTY_NAME,
        "language": ["en"],
        "license": "other",
        "license_name": LICENSE_NAME,
        "license_link": "README.md",
        "multilinguality": ["monolingual"],
        "size_categories": [size_category(max(counts.get("quotes", 0), counts["articles"]))],
        "source_datasets": ["original"],
        "task_categories": ["text-classification", "token-classification"],
        "tags": ["quotations", "arms-control", "news", "provenance", "russia", "attribution"],
        "configs": configs,
        "dataset_info": infos,
    }


def _column_table(table: str) -> str:
    model = TABLES[table]
    feats = features_dict(table)
    schema = arrow_schema(table)
    lines = ["| column | type | meaning |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        feature = feats[name]
        kind = feature.get("dtype") or ("list" if feature.get("_type") == "List" else "struct")
        nullable = " or null" if schema.field(name).nullable else ""
        text = (info.description or "").replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{name}` | {kind}{nullable} | {text} |")
    return "\n".join(lines)


def _package_text(name: str) -> str | None:
    try:
        return resources.files("lavrov_corpus").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


def _quality_section() -> str:
    raw = _package_text("quality.json")
    if raw is None:
        return "No extraction quality figures were measured for this version."
    data = json.loads(raw)
    # Expected shape: {gold set: {"articles": {...}, "total": {measure: value}}}; anything else
    # is shown flattened rather than hidden.
    sets = {
        k: v for k, v in data.items() if isinstance(v, dict) and isinstance(v.get("total"), dict)
    }
    if not sets:
        rows = "\n".join(f"| {k} | {v} |" for k, v in _flatten(data))
        return f"Measured figures (`quality.json`):\n\n| measure | value |\n|---|---|\n{rows}"
    names = sorted(sets)
    measures = sorted({m for s in sets.values() for m in s["total"]})
    sizes = ", ".join(f"`{n}`: {len(sets[n].get('articles', {}))} articles" for n in names)
    about = [f"- `{n}`: {sets[n]['about']}" for n in names if sets[n].get("about")]
    lines = [
        f"Measured against hand-labelled gold annotations ({sizes}). Figures on a set the "
        "rules were developed on are in-sample; figures on other material may be lower. "
        "A blank cell: nothing to measure in that set.",
        "",
        *([*about, ""] if about else []),
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for m in measures:
        cells = [_cell(sets[n]["total"].get(m)) for n in names]
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _flatten(data: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(data, dict):
        for key in sorted(data):
            yield from _flatten(data[key], f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, _cell(data) if not isinstance(data, list) else f"{len(data)} items"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _normalization_rules() -> str:
    try:
        doc = importlib.import_module("lavrov_corpus.extract.clean").__doc__
    except ImportError:
        doc = None
    if not doc:
        return "See `lavrov_corpus.extract` for the normalization of `articles.text`."
    if "Normalization rules" in doc:
        doc = doc[doc.index("Normalization rules") :]
    return "\n".join(line.removeprefix("    ") for line in doc.strip().splitlines())


def _release_notes() -> str:
    notes = _package_text("RELEASE_NOTES.md")
    if notes is None:
        return f"Version {__version__}."
    lines = notes.strip().splitlines()
    # Keep only the version sections: the file's preamble restates what the card already says.
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    lines = lines[first:]
    return "\n".join(
        line.replace("## ", "### ", 1) if line.startswith("## ") else line for line in lines
    ).strip()


def _inputs_section(counts: dict[str, int], rejected: list[RejectedInput]) -> str:
    by_reason = Counter((r.status, r.reason) for r in rejected)
    inputs = counts["provenance"]
    out = [
        f"The build read {inputs} input files; every one has a row in `provenance` "
        f"({counts['articles']} became articles).",
    ]
    if by_reason:
        out += ["", "| status | reason | files |", "|---|---|---|"]
        out += [f"| {s} | `{r}` | {n} |" for (s, r), n in sorted(by_reason.items())]
    return "\n".join(out)


def render_card(root: Path, counts: dict[str, int], rejected: list[RejectedInput]) -> str:
    """The text of ``README.md`` for the dataset folder ``root``."""
    meta = yaml.safe_dump(
        front_matter(root, counts), sort_keys=False, allow_unicode=True, width=100
    )
    tables = "\n\n".join(
        f"### `{t}` ({counts[t]} rows)\n\n{(TABLES[t].__doc__ or '').strip().splitlines()[0]}"
        f"\n\n{_column_table(t)}"
        for t in TABLES
    )
    sections = [
        f"---\n{meta}---",
        f"# {PRETTY_NAME}",
        f"Dataset version **{__version__}** (converter {CONVERTER_VERSION}). {ABSTRACT}",
        "```python\nimport datasets\n"
        'quotes = datasets.load_dataset("<this repository>", "quotes", split="train")\n'
        "# or, with the Python package installed (offline):\n"
        'import lavrov_corpus\nquotes = lavrov_corpus.load("quotes")\n```',
        "## Tables\n\nOne configuration per table; each is one Parquet file under `data/`. "
        "Offsets are Python string indices (code points) into `articles.text`; byte ranges "
        "index the raw source file named by `source_sha256`.\n\n" + tables,
        "## How quotes were extracted\n\nQuotes are spans between quotation marks in the "
        "cleaned article text, found by deterministic rules (no statistical model), with the "
        "speaker attributed from a name, a pronoun or a role description near the quote, or "
        "carried over from the previous quote. Each quote keeps the speech verb (`cue`), how "
        "it was attributed (`attribution`) and flags for partial, headline, scare and "
        "unclosed quotes.\n\n" + _quality_section(),
        "## Normalization of article text\n\n" + _normalization_rules(),
        "## Provenance\n\n" + _inputs_section(counts, rejected) + "\n\n"
        "Every article and quote records the sha256 of its source file and the byte range it "
        "was copied from; `articles.source_map` maps each piece of the cleaned text back to "
        "the source bytes. Curated metadata (`metadata.toml` sidecars) wins over extracted "
        "metadata and `articles.origins` says which fields were curated. `manifest.json` "
        "lists the sha256 of every file of this dataset.",
        "## Rights\n\nThe code that built this dataset is MIT-licensed. **The article texts "
        "are not**: news text belongs to its publishers, and is included here for "
        "non-commercial research, criticism and review. Each article carries its own rights "
        "statement in `articles.rights`; respect it. Quotes are short excerpts of those "
        "texts. The treaty and speaker reference tables are curated by the project and "
        "cite their sources. If you are a rights holder and want an article removed, open "
        "an issue on the project repository.",
        "## Versions\n\nSemantic versions with dataset meanings: PATCH = same records, "
        "MINOR = records added, MAJOR = records changed or removed. The same version is in "
        "this card, `manifest.json`, `CITATION.cff` and the Python package.\n\n" + _release_notes(),
        "## Citation\n\n```bibtex\n" + bibtex() + "```",
    ]
    return "\n\n".join(sections) + "\n"
