"""``lavrov-corpus info``: what a dataset folder holds, in a few lines (or JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import DatasetUnreadableError, LavrovCorpusError
from . import app, handle_errors


def _default_dataset() -> Path:
    # The dataset shipped inside the package; ``load.path()`` knows where it lives.
    import lavrov_corpus

    try:
        return Path(lavrov_corpus.path())
    except ImportError:  # no loader in this build: the folder it would name
        return Path(lavrov_corpus.__file__).resolve().parent / "dataset"


@app.command("info")
@handle_errors
def info(
    dataset_dir: Path | None = typer.Argument(
        None, help="Dataset folder (default: the dataset shipped in the package)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    top: int = typer.Option(10, "--top", min=1, help="How many speakers to list."),
) -> None:
    """Summarise a dataset: version, row counts, top speakers, treaties by mentions, dates."""
    import pyarrow as pa

    from ..info import dataset_info_summary

    root = dataset_dir or _default_dataset()
    try:
        summary = dataset_info_summary(root, top=top)
    except LavrovCorpusError:
        raise
    except (pa.ArrowException, OSError, KeyError) as exc:
        # A damaged table file is a data problem: one line and exit 1, never a traceback.
        raise DatasetUnreadableError(
            f"{root}: cannot read the dataset ({type(exc).__name__}: {exc}); "
            f"`lavrov-corpus validate {root}` lists its problems"
        ) from exc
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(summary.render(), nl=False)
