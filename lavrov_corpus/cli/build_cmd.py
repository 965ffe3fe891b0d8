"""``lavrov-corpus build``: turn a folder of raw articles into a dataset folder."""

from __future__ import annotations

import re
import signal
import sys
from collections import Counter
from pathlib import Path

import typer

from . import app, handle_errors

_SHOWN_REJECTIONS = 50
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # SIGTERM (``kill``, ``timeout``, a service manager) ends the build as Ctrl-C does: through
    # the atomic writer's cleanup, so no half-written folder is left beside OUT.
    raise SystemExit(128 + signum)


def _printable(path: str) -> str:
    """A file name on one line: control characters (a newline, an escape) written as escapes."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], path)


@app.command("build")
@handle_errors
def build(
    input_dir: Path = typer.Argument(
        Path("seeds"), help="Folder of raw articles (.txt) and metadata.toml sidecars."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Dataset folder to write (replaced)."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: every core)."
    ),
    cache: Path | None = typer.Option(
        None, "--cache", help="Conversion cache folder (default: $XDG_CACHE_HOME/lavrov-corpus)."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Convert every file afresh."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 1 if any input was rejected (after writing)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Build the dataset of INPUT_DIR (default: ./seeds) into OUT, atomically, and validate it."""
    from ..build import build_dataset, default_cache_dir

    if no_cache and cache is not None:
        raise typer.BadParameter("give --cache or --no-cache, not both")
    cache_dir = None if no_cache else (cache or default_cache_dir())
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        result = build_dataset(
            input_dir,
            out,
            jobs=jobs,
            cache_dir=cache_dir,
            progress=not quiet and sys.stderr.isatty(),
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
    rejected = result.rejections
    if not quiet:
        counts = ", ".join(f"{table} {n}" for table, n in result.counts.items())
        mb = result.input_bytes / 1e6
        typer.echo(
            f"built {result.out_dir} from {result.inputs} input files ({mb:.1f} MB) "
            f"in {result.seconds:.1f} s with {result.jobs} jobs"
        )
        typer.echo(f"rows: {counts}")
        if result.rejected:
            tally = Counter(f"{r.status} {r.reason}" for r in result.rejected)
            typer.echo("not accepted: " + ", ".join(f"{k} x{n}" for k, n in sorted(tally.items())))
            for r in result.rejected[:_SHOWN_REJECTIONS]:
                line = f"  {_printable(r.path)}: {r.status} {r.reason}: {r.detail or ''}"
                typer.echo(line.rstrip(": "))
            if len(result.rejected) > _SHOWN_REJECTIONS:
                more = len(result.rejected) - _SHOWN_REJECTIONS
                typer.echo(f"  ... and {more} more (see the provenance table)")
    if strict and rejected:
        typer.echo(f"error: {len(rejected)} input file(s) rejected (--strict)", err=True)
        raise typer.Exit(1)
