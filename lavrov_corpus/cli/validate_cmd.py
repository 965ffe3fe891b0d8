"""``lavrov-corpus validate``: check a dataset folder and report every problem."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from . import app, handle_errors


def _codes(values: list[str] | None, option: str) -> list[str]:
    from ..validate.codes import parse_codes

    names = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    try:
        parse_codes(names)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
    return names


@app.command("validate")
@handle_errors
def validate(
    dataset_dir: Path | None = typer.Argument(
        None, help="Dataset folder (default: the dataset shipped in the package)."
    ),
    sources: Path | None = typer.Option(
        None, "--sources", help="Raw input folder: check provenance and byte ranges against it."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    max_errors: int | None = typer.Option(
        None,
        "--max-errors",
        min=0,
        help="Keep at most N problems of each code (counts stay exact).",
    ),
    select: list[str] | None = typer.Option(
        None, "--select", help="Check only these codes (repeat or comma-separate)."
    ),
    ignore: list[str] | None = typer.Option(
        None, "--ignore", help="Skip these codes (repeat or comma-separate)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; use the exit code."),
) -> None:
    """Validate a dataset folder: exit 0 if valid, 1 if not, 2 on usage errors."""
    from ..validate import validate_dataset
    from ..validate.codes import Code

    chosen, skipped = _codes(select, "--select"), _codes(ignore, "--ignore")
    if dataset_dir is None:
        from ..load import path

        dataset_dir = path()
    report = validate_dataset(
        dataset_dir,
        sources=sources,
        select=chosen or None,
        ignore=skipped or None,
        max_errors=max_errors,
        row_model=True if Code.ROW_MODEL.value in chosen else None,
    )
    if as_json:
        sys.stdout.write(report.to_json() + "\n")
    elif not quiet:
        typer.echo(report.render_text())
    raise typer.Exit(0 if report.valid else 1)
