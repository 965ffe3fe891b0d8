"""The ``lavrov-corpus`` command line: thin commands over the library.

Each command parses its options, calls one library function, renders the result and exits:
0 ok, 1 invalid data or a failed job, 2 usage. Library errors become one-line messages; a
traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer

from .._version import __version__
from ..errors import LavrovCorpusError

app = typer.Typer(
    name="lavrov-corpus",
    help="Build, validate, inspect and publish the lavrov-corpus dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn library errors into a message on stderr and exit code 1 (traceback with --debug)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LavrovCorpusError as exc:
            if _state["debug"]:
                raise
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"lavrov-corpus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version."
    ),
) -> None:
    _state["debug"] = debug


def _register() -> None:
    # Each command lives in its own module; importing it registers it on ``app``.
    from . import commands  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of ``python -m lavrov_corpus``."""
    try:
        _register()
        app(args=argv if argv is not None else sys.argv[1:], prog_name="lavrov-corpus")
    except KeyboardInterrupt:  # Ctrl-C while the commands are still importing: no traceback
        sys.stderr.write("interrupted\n")
        sys.exit(130)
