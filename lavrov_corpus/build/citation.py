"""``CITATION.cff`` of a built dataset (Citation File Format 1.2.0) and its BibTeX twin."""

from __future__ import annotations

import yaml

from .._version import __version__
from .manifest import DATASET_NAME

TITLE = "lavrov-corpus: quotes by Sergey Lavrov on arms control, with byte-level provenance"
AUTHORS = "lavrov-corpus developers"
REPOSITORY = "https://github.com/lavrov-corpus/lavrov-corpus"
ABSTRACT = (
    "Tables of news articles about Russian Foreign Minister Sergey Lavrov and arms control, the "
    "quotes extracted from them with their speakers, a curated reference table of arms-control "
    "treaties, and the provenance of every input file. Every quote is traceable to exact bytes "
    "of its source. The article texts belong to their publishers; each article records its "
    "rights statement."
)
KEYWORDS = ["dataset", "quotations", "arms control", "Sergey Lavrov", "provenance", "news"]


def citation_cff() -> str:
    """The text of ``CITATION.cff`` for this dataset version (no dates: builds are reproducible)."""
    doc = {
        "cff-version": "1.2.0",
        "message": (
            "If you use this dataset, please cite it as below. The article texts it contains "
            "belong to their publishers."
        ),
        "type": "dataset",
        "title": TITLE,
        "version": __version__,
        "authors": [{"name": AUTHORS}],
        "abstract": ABSTRACT,
        "keywords": KEYWORDS,
        "repository-code": REPOSITORY,
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def bibtex() -> str:
    """A BibTeX entry for this dataset version."""
    key = f"{DATASET_NAME.replace('-', '_')}_{__version__.replace('.', '_')}"
    return (
        f"@misc{{{key},\n"
        f"  title        = {{{{{TITLE}}}}},\n"
        f"  author       = {{{{{AUTHORS}}}}},\n"
        f"  note         = {{Dataset version {__version__}}},\n"
        f"  howpublished = {{\\url{{{REPOSITORY}}}}}\n"
        "}\n"
    )
