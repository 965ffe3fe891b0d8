"""Publish a built dataset folder to the Hugging Face Hub: one commit, then the version tag.

    plan = plan_push(folder, "owner/name")      # checks everything, touches no network
    result = push_dataset(folder, "owner/name")  # plan, then commit + tag through lavrov_corpus.hub

A push refuses a folder whose files differ from its manifest, whose card metadata does not lint,
or that does not validate. It uploads every file in one commit (deleting stale files under
``data/`` in the same commit, so the tagged revision is exactly the build) and then tags that
commit ``v<version>``. If the tag exists already, the push is a no-op when the tagged manifest
has the same fingerprint, and a :class:`~lavrov_corpus.errors.HubConflictError` otherwise.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from . import layout
from ._version import __version__
from .cardlint import lint_card
from .errors import (
    DatasetNotFoundError,
    HubConflictError,
    HubError,
    InputError,
    ValidationFailed,
)
from .models.manifest import FileEntry, Manifest, fingerprint

if TYPE_CHECKING:
    from .hub import HubApi

REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
DEFAULT_BRANCH = "main"
#: Remote folder whose files not in the build are deleted by the push commit.
MANAGED_PREFIX = f"{layout.DATA_DIR}/"

Status = Literal["dry-run", "published", "already-published", "pull-request"]


def valid_repo_id(repo_id: str) -> bool:
    """Whether ``repo_id`` is a well-formed OWNER/NAME repository id."""
    return bool(REPO_ID.match(repo_id)) and "--" not in repo_id and ".." not in repo_id


@dataclass(frozen=True)
class PushFile:
    """One file to upload: its path in the repository, size and sha256."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class PushPlan:
    """Everything a push will do, computed offline."""

    dataset_dir: Path
    repo_id: str
    name: str
    version: str
    fingerprint: str
    files: tuple[PushFile, ...]
    commit_message: str
    commit_description: str
    tag: str
    revision: str | None
    create_pr: bool

    @property
    def branch(self) -> str:
        """The branch the commit goes to (or the PR is opened against)."""
        return self.revision or DEFAULT_BRANCH

    @property
    def tags_commit(self) -> bool:
        """False when the commit lands in a pull request: the tag waits for the merge."""
        return not (self.create_pr or self.branch.startswith("refs/pr/"))

    def render(self) -> str:
        """The plan as text: repository, commit message, tag and every file with size and sha256."""
        total = sum(f.size for f in self.files)
        target = f"pull request against {self.branch}" if self.create_pr else self.branch
        tag = self.tag if self.tags_commit else f"{self.tag} (not created: the commit goes to a PR)"
        lines = [
            f"repository:     {self.repo_id} (dataset)",
            f"branch:         {target}",
            f"commit message: {self.commit_message}",
            f"tag:            {tag}",
            f"files:          {len(self.files)} ({total:,} bytes)",
        ]
        width = max(len(f"{f.size:,}") for f in self.files)
        lines += [f"  {f.size:>{width},}  {f.sha256}  {f.path}" for f in self.files]
        lines.append(
            f"stale files under {MANAGED_PREFIX} on the branch that are not in this build are "
            "deleted in the same commit"
        )
        lines.append("commit description:")
        lines += [f"  {line}" for line in self.commit_description.splitlines()]
        return "\n".join(lines)


@dataclass(frozen=True)
class PushResult:
    """What a push did."""

    status: Status
    plan: PushPlan
    commit_url: str | None = None
    pr_url: str | None = None
    deleted: tuple[str, ...] = field(default_factory=tuple)
    message: str = ""


def plan_push(
    dataset_dir: Path, repo_id: str, *, revision: str | None = None, create_pr: bool = False
) -> PushPlan:
    """Check ``dataset_dir`` (manifest, card metadata, validation) and plan its push.

    Raises InputError for a malformed ``repo_id``, DatasetNotFoundError when there is no dataset
    folder, ValidationFailed when the folder, its card or its data do not check out.
    """
    if not valid_repo_id(repo_id):
        raise InputError(f"--repo-id must look like OWNER/NAME, got {repo_id!r}")
    if revision is not None and not revision.strip():
        raise InputError("--revision must not be empty")
    if not dataset_dir.is_dir():
        raise DatasetNotFoundError(f"no dataset folder at {dataset_dir}")
    manifest, manifest_bytes = _read_manifest(dataset_dir)
    problems = _check_files(dataset_dir, manifest)
    listed = [f.path for f in manifest.files]
    problems += lint_card(dataset_dir, listed, dict(manifest.row_counts))
    if problems:
        shown = "\n  ".join(problems)
        raise ValidationFailed(f"refusing to push {dataset_dir}:\n  {shown}", report=problems)
    valid, report_text = run_validation(dataset_dir)
    if not valid:
        raise ValidationFailed(
            f"refusing to push {dataset_dir}: it does not validate\n{report_text}".rstrip()
        )

    files = [PushFile(f.path, f.size, f.sha256) for f in manifest.files]
    files.append(
        PushFile(layout.MANIFEST, len(manifest_bytes), hashlib.sha256(manifest_bytes).hexdigest())
    )
    version = manifest.dataset_version
    rows = ", ".join(f"{t} {n}" for t, n in manifest.row_counts.items())
    description = "\n".join(
        [
            f"Dataset version: {version}",
            f"Converter version: {manifest.converter_version}",
            f"Content fingerprint: {manifest.fingerprint}",
            f"Rows: {rows}",
            f"Published with lavrov-corpus {__version__}.",
        ]
    )
    return PushPlan(
        dataset_dir=dataset_dir,
        repo_id=repo_id,
        name=manifest.name,
        version=version,
        fingerprint=manifest.fingerprint,
        files=tuple(sorted(files, key=lambda f: f.path)),
        commit_message=f"Publish {manifest.name} v{version}",
        commit_description=description,
        tag=f"v{version}",
        revision=revision,
        create_pr=create_pr,
    )


def push_dataset(
    dataset_dir: Path,
    repo_id: str,
    *,
    api: HubApi | None = None,
    private: bool = False,
    revision: str | None = None,
    create_pr: bool = False,
    token: str | None = None,
    dry_run: bool = False,
) -> PushResult:
    """Publish ``dataset_dir`` to the dataset repository ``repo_id`` in one commit, then tag it.

    With ``dry_run`` only :func:`plan_push` runs: no Hub client is made, no network is used.
    ``api`` defaults to :class:`lavrov_corpus.hub.HubClient` with ``token`` (or HF_TOKEN / the
    saved login).
    """
    plan = plan_push(dataset_dir, repo_id, revision=revision, create_pr=create_pr)
    if dry_run:
        return PushResult("dry-run", plan, message="dry run: nothing was uploaded")
    if api is None:
        from .hub import HubClient

        api = HubClient(token)

    is_private = api.ensure_repo(repo_id, private=private)
    if private and not is_private:
        raise HubError(
            f"{repo_id} exists and is public; --private does not change an existing repository "
            "(make it private on the Hub first, or push without --private)"
        )
    if plan.revision and not plan.branch.startswith("refs/pr/"):
        api.ensure_branch(repo_id, plan.branch)
    refs = api.refs(repo_id)

    if plan.tag in refs.tags:
        return _existing_tag(api, plan, refs.tags[plan.tag])

    local = {f.path for f in plan.files}
    remote = api.list_files(repo_id, revision=plan.branch)
    stale = tuple(sorted(p for p in remote if p.startswith(MANAGED_PREFIX) and p not in local))
    commit = api.commit(
        repo_id,
        additions=[(f.path, dataset_dir / f.path) for f in plan.files],
        deletions=stale,
        message=plan.commit_message,
        description=plan.commit_description,
        revision=plan.revision,
        create_pr=plan.create_pr,
        parent_commit=refs.branches.get(plan.branch),
    )
    if not plan.tags_commit:
        return PushResult(
            "pull-request",
            plan,
            commit_url=commit.url,
            pr_url=commit.pr_url,
            deleted=stale,
            message=(
                f"opened a pull request with {plan.name} v{plan.version}"
                f"{': ' + commit.pr_url if commit.pr_url else ''}; tag {plan.tag} not created: "
                "merge it, then push again to tag the merged commit"
            ),
        )
    api.create_tag(
        repo_id,
        tag=plan.tag,
        revision=commit.oid,
        message=f"{plan.name} v{plan.version} (fingerprint {plan.fingerprint})",
    )
    return PushResult(
        "published",
        plan,
        commit_url=commit.url,
        deleted=stale,
        message=f"published {plan.name} v{plan.version} to {repo_id} and tagged {plan.tag}",
    )


def _existing_tag(api: HubApi, plan: PushPlan, tagged_commit: str) -> PushResult:
    raw = api.read_file(plan.repo_id, layout.MANIFEST, revision=tagged_commit)
    remote_fp = _fingerprint_of(raw)
    if remote_fp == plan.fingerprint:
        return PushResult(
            "already-published",
            plan,
            message=(
                f"{plan.repo_id} already has {plan.tag} with the same content "
                f"(fingerprint {plan.fingerprint[:12]}); nothing to do"
            ),
        )
    found = f"fingerprint {remote_fp[:12]}" if remote_fp else "no readable manifest.json"
    raise HubConflictError(
        f"tag {plan.tag} already exists on {plan.repo_id} with different content ({found}, "
        f"local {plan.fingerprint[:12]}); a published version is never overwritten: bump the "
        "dataset version and rebuild"
    )


def _fingerprint_of(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    try:
        return Manifest.model_validate_json(raw).fingerprint
    except ValidationError:
        return None


def _read_manifest(dataset_dir: Path) -> tuple[Manifest, bytes]:
    path = dataset_dir / layout.MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DatasetNotFoundError(
            f"{dataset_dir} has no {layout.MANIFEST}: is it a built dataset?"
        ) from None
    except OSError as exc:
        raise ValidationFailed(f"cannot read {path}: {exc.strerror}") from exc
    try:
        return Manifest.model_validate_json(raw), raw
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(document)"
        raise ValidationFailed(
            f"{path} does not fit the manifest model ({exc.error_count()} problem(s); "
            f"first at {where}: {first['msg']})"
        ) from exc


def _check_files(dataset_dir: Path, manifest: Manifest) -> list[str]:
    """Differences between the folder and its manifest (the push uploads exactly these files)."""
    problems: list[str] = []
    listed = {f.path for f in manifest.files}
    for entry in manifest.files:
        problems += _check_entry(dataset_dir, entry)
    on_disk = {
        p.relative_to(dataset_dir).as_posix() for p in dataset_dir.rglob("*") if not p.is_dir()
    }
    for extra in sorted(on_disk - listed - {layout.MANIFEST}):
        problems.append(f"{extra}: in the folder but not listed in {layout.MANIFEST}")
    if fingerprint(list(manifest.files)) != manifest.fingerprint:
        problems.append(f"{layout.MANIFEST}: fingerprint does not match its file list")
    return problems


def _check_entry(dataset_dir: Path, entry: FileEntry) -> list[str]:
    path = dataset_dir / entry.path
    if entry.path.startswith("/") or ".." in Path(entry.path).parts:
        return [f"{entry.path}: manifest path leaves the dataset folder"]
    if path.is_symlink() or not path.is_file():
        return [f"{entry.path}: listed in {layout.MANIFEST} but not a regular file in the folder"]
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    if size != entry.size:
        return [f"{entry.path}: {size} bytes, manifest says {entry.size}"]
    if digest.hexdigest() != entry.sha256:
        return [f"{entry.path}: sha256 differs from {layout.MANIFEST}"]
    return []


def run_validation(dataset_dir: Path) -> tuple[bool, str]:
    """Run the dataset validator: (valid, the report as text). Tests patch this function."""
    try:
        from .validate import validate_dataset
    except ImportError as exc:
        raise ValidationFailed(
            "cannot validate the dataset before pushing: lavrov_corpus.validate is not available"
        ) from exc
    report = validate_dataset(dataset_dir)
    return bool(report.valid), report.render_text()
