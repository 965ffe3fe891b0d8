"""``lavrov-corpus export-schema``: write the schemas derived from the models."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app, handle_errors


@app.command("export-schema")
@handle_errors
def export_schema(
    out: Path = typer.Option(Path("schema"), "--out", help="Folder to write the schemas into."),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; exit 1 if the folder is stale."
    ),
) -> None:
    """Export JSON Schema, HF Features and Arrow schemas of every table from the models."""
    from .. import schema

    if check:
        stale = schema.stale_files(out)
        if stale:
            typer.echo(f"stale: {', '.join(stale)} (run: lavrov-corpus export-schema)", err=True)
            raise typer.Exit(1)
        typer.echo(f"{out} is up to date")
        return
    for path in schema.export(out):
        typer.echo(f"wrote {path}")
