"""``lavrov-corpus push``: publish a built dataset folder to the Hugging Face Hub."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app, handle_errors


def _repo_id(value: str) -> str:
    from ..publish import valid_repo_id

    if not valid_repo_id(value):
        raise typer.BadParameter(f"must look like OWNER/NAME, got {value!r}")
    return value


@app.command("push")
@handle_errors
def push(
    dataset_dir: Path = typer.Argument(
        ..., help="Built dataset folder (with README.md and manifest.json)."
    ),
    repo_id: str = typer.Option(
        ..., "--repo-id", callback=_repo_id, help="Dataset repository, OWNER/NAME."
    ),
    private: bool = typer.Option(
        False, "--private", help="Create the repository private (an existing one must be)."
    ),
    revision: str | None = typer.Option(
        None, "--revision", help="Branch to commit to (created if missing). Default: main."
    ),
    create_pr: bool = typer.Option(
        False, "--create-pr", help="Open a pull request instead of committing; no tag until merged."
    ),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Hub token. Default: the HF_TOKEN environment variable or the saved login.",
        show_default=False,
    ),
    dry_run: bool = typer.Option(
        False,
        "--dry-run",
        help="Print the files (size, sha256), commit message and tag; touch no network.",
    ),
) -> None:
    """Upload a dataset folder in one commit and tag it v<version>."""
    from ..publish import push_dataset

    result = push_dataset(
        dataset_dir,
        repo_id,
        private=private,
        revision=revision,
        create_pr=create_pr,
        token=token,
        dry_run=dry_run,
    )
    if result.status == "dry-run":
        typer.echo("dry run: nothing will be uploaded and no network is used")
        typer.echo(result.plan.render())
        return
    for path in result.deleted:
        typer.echo(f"deleted stale {path}")
    if result.commit_url:
        typer.echo(f"commit: {result.commit_url}")
    typer.echo(result.message)
