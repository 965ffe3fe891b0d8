"""Test helpers for publishing: a small dataset folder and a stand-in for ``huggingface_hub.HfApi``.

``make_dataset(root)`` writes a complete dataset folder without the builder: the records of
``dataset_factory`` as Parquet, a card with one config per table and ``dataset_info``, a
CITATION.cff, a LICENSE.md and a manifest.

``FakeHfApi`` has the methods of ``HfApi`` that ``lavrov_corpus.hub.HubClient`` calls, keeps the
repositories in memory (files per commit, branches, tags), records every call, and raises the
*real* huggingface_hub exceptions, produced by ``hf_raise_for_status`` on a fabricated response,
when a failure is injected.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx2
import yaml
from dataset_factory import RAW, build_records, raw_bytes, refresh_manifest
from huggingface_hub import CommitOperationAdd, CommitOperationDelete
from huggingface_hub.utils import hf_raise_for_status

from lavrov_corpus import __version__, layout
from lavrov_corpus.models import TABLES, Record
from lavrov_corpus.models.manifest import Manifest
from lavrov_corpus.parquet_io import write_records

VERSION = __version__  # the validator requires the package version


def _records() -> dict[str, list[Record]]:
    return build_records({raw.name: raw_bytes(raw) for raw in RAW})


#: Rows per table in the folder ``make_dataset`` writes.
ROW_COUNTS = {table: len(rows) for table, rows in _records().items()}


def card_metadata(row_counts: dict[str, int]) -> dict[str, Any]:
    """Card front matter with one config per table (quotes the default) and dataset_info."""
    return {
        "pretty_name": "Lavrov corpus (test)",
        "license": "other",
        "license_name": "publisher-rights",
        "license_link": "LICENSE.md",
        "language": ["en"],
        "size_categories": ["n<1K"],
        "configs": [
            {
                "config_name": table,
                "data_files": [{"split": "train", "path": str(layout.table_file(table))}],
                **({"default": True} if table == layout.DEFAULT_TABLE else {}),
            }
            for table in TABLES
        ],
        "dataset_info": [
            {
                "config_name": t,
                "splits": [{"name": "train", "num_bytes": 1000 * (n + 1), "num_examples": n}],
            }
            for t, n in row_counts.items()
        ],
    }


def write_card(root: Path, meta: dict[str, Any] | str, body: str = "# Test dataset\n") -> None:
    """Write README.md with ``meta`` (a mapping, or raw YAML text) as front matter."""
    yaml_text = meta if isinstance(meta, str) else yaml.safe_dump(meta, sort_keys=False)
    (root / layout.CARD).write_text(f"---\n{yaml_text.rstrip()}\n---\n\n{body}", encoding="utf-8")


def write_manifest(root: Path, version: str = VERSION) -> Manifest:
    """(Re)compute manifest.json from the files now in ``root``."""
    return refresh_manifest(root, _row_counts(root), version=version)


def _row_counts(root: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    return {t: pq.ParquetFile(layout.table_path(root, t)).metadata.num_rows for t in TABLES}


def make_dataset(root: Path, version: str = VERSION) -> Path:
    """A complete, consistent dataset folder at ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, rows in _records().items():
        counts[table] = write_records(layout.table_path(root, table), table, rows)
    write_card(root, card_metadata(counts))
    (root / layout.CITATION).write_text(
        f'cff-version: 1.2.0\ntitle: lavrov-corpus\nversion: "{version}"\n'
        'message: "Cite this dataset."\nauthors:\n  - name: lavrov-corpus developers\n',
        encoding="utf-8",
    )
    (root / "LICENSE.md").write_text(
        "Article texts belong to their publishers.\n", encoding="utf-8"
    )
    write_manifest(root, version)
    return root


def http_error(
    status: int,
    *,
    code: str | None = None,
    message: str | None = None,
    url: str = "https://huggingface.co/api/datasets/owner/name",
    headers: dict[str, str] | None = None,
) -> Exception:
    """The exception huggingface_hub itself raises for a response with ``status``."""
    head = dict(headers or {})
    if code:
        head["X-Error-Code"] = code
    if message:
        head["X-Error-Message"] = message
    response = httpx2.Response(status, headers=head, request=httpx2.Request("POST", url))
    try:
        hf_raise_for_status(response)
    except Exception as exc:
        return exc
    raise AssertionError(f"status {status} did not raise")


@dataclass
class FakeRepo:
    private: bool
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    prs: list[str] = field(default_factory=list)

    def add_commit(self, files: dict[str, bytes]) -> str:
        blob = json.dumps({k: hashlib.sha256(v).hexdigest() for k, v in sorted(files.items())})
        oid = hashlib.sha1(f"{len(self.commits)}{blob}".encode()).hexdigest()
        self.commits[oid] = dict(files)
        return oid

    def files_at(self, revision: str) -> dict[str, bytes]:
        oid = self.tags.get(revision) or self.branches.get(revision) or revision
        return self.commits[oid]


class FakeHub:
    """In-memory Hub shared by every FakeHfApi made in one test."""

    def __init__(self) -> None:
        self.repos: dict[str, FakeRepo] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.tokens: list[Any] = []
        self.fail: dict[str, Exception] = {}

    def api(self, token: Any = None, **kwargs: Any) -> FakeHfApi:
        self.tokens.append(token)
        return FakeHfApi(self)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def call(self, name: str) -> dict[str, Any]:
        (found,) = [kw for n, kw in self.calls if n == name]
        return found


class FakeHfApi:
    """Stand-in for ``huggingface_hub.HfApi`` (only the methods HubClient uses)."""

    def __init__(self, hub: FakeHub) -> None:
        self.hub = hub

    def _enter(self, name: str, **kwargs: Any) -> None:
        self.hub.calls.append((name, kwargs))
        if name in self.hub.fail:
            raise self.hub.fail[name]

    def _repo(self, repo_id: str) -> FakeRepo:
        if repo_id not in self.hub.repos:
            raise http_error(404, code="RepoNotFound")  # type: ignore[misc]
        return self.hub.repos[repo_id]

    def create_repo(
        self, repo_id: str, *, repo_type: str, private: bool | None, exist_ok: bool
    ) -> str:
        self._enter("create_repo", repo_id=repo_id, repo_type=repo_type, private=private)
        if repo_id not in self.hub.repos:
            repo = FakeRepo(private=bool(private))
            repo.branches["main"] = repo.add_commit({".gitattributes": b"*.parquet lfs\n"})
            self.hub.repos[repo_id] = repo
        return f"https://huggingface.co/datasets/{repo_id}"

    def dataset_info(self, repo_id: str) -> SimpleNamespace:
        self._enter("dataset_info", repo_id=repo_id)
        return SimpleNamespace(private=self._repo(repo_id).private)

    def create_branch(self, repo_id: str, *, branch: str, repo_type: str, exist_ok: bool) -> None:
        self._enter("create_branch", repo_id=repo_id, branch=branch, repo_type=repo_type)
        repo = self._repo(repo_id)
        repo.branches.setdefault(branch, repo.branches["main"])

    def list_repo_refs(self, repo_id: str, *, repo_type: str) -> SimpleNamespace:
        self._enter("list_repo_refs", repo_id=repo_id, repo_type=repo_type)
        repo = self._repo(repo_id)
        ref = lambda d: [SimpleNamespace(name=k, target_commit=v) for k, v in d.items()]  # noqa: E731
        return SimpleNamespace(branches=ref(repo.branches), tags=ref(repo.tags))

    def list_repo_files(self, repo_id: str, *, repo_type: str, revision: str) -> list[str]:
        self._enter("list_repo_files", repo_id=repo_id, repo_type=repo_type, revision=revision)
        repo = self._repo(repo_id)
        if not ({revision} & (set(repo.branches) | set(repo.tags) | set(repo.commits))):
            raise http_error(404, code="RevisionNotFound")
        return sorted(repo.files_at(revision))

    def hf_hub_download(
        self, repo_id: str, filename: str, *, repo_type: str, revision: str, cache_dir: str
    ) -> str:
        self._enter("hf_hub_download", repo_id=repo_id, filename=filename, revision=revision)
        files = self._repo(repo_id).files_at(revision)
        if filename not in files:
            raise http_error(404, code="EntryNotFound")
        out = Path(cache_dir, "snap", filename)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(files[filename])
        return str(out)

    def create_commit(self, repo_id: str, operations: list[Any], **kwargs: Any) -> SimpleNamespace:
        ops = [
            ("add", op.path_in_repo)
            if isinstance(op, CommitOperationAdd)
            else ("delete", op.path_in_repo)
            for op in operations
        ]
        assert all(isinstance(op, CommitOperationAdd | CommitOperationDelete) for op in operations)
        self._enter("create_commit", repo_id=repo_id, ops=ops, **kwargs)
        repo = self._repo(repo_id)
        branch = kwargs.get("revision") or "main"
        head = repo.branches[branch]
        parent = kwargs.get("parent_commit")
        if parent is not None and parent != head:
            raise http_error(412, message="A commit has happened since.")
        files = dict(repo.commits[head])
        for op in operations:
            if isinstance(op, CommitOperationAdd):
                files[op.path_in_repo] = Path(op.path_or_fileobj).read_bytes()
            elif op.path_in_repo in files:
                del files[op.path_in_repo]
            else:
                raise http_error(404, code="EntryNotFound")
        oid = repo.add_commit(files)
        url = f"https://huggingface.co/datasets/{repo_id}/commit/{oid}"
        if kwargs.get("create_pr"):
            repo.prs.append(oid)
            pr = f"https://huggingface.co/datasets/{repo_id}/discussions/{len(repo.prs)}"
            return SimpleNamespace(oid=oid, commit_url=url, pr_url=pr)
        repo.branches[branch] = oid
        return SimpleNamespace(oid=oid, commit_url=url, pr_url=None)

    def create_tag(
        self, repo_id: str, *, tag: str, revision: str, tag_message: str, repo_type: str
    ) -> None:
        self._enter(
            "create_tag",
            repo_id=repo_id,
            tag=tag,
            revision=revision,
            tag_message=tag_message,
            repo_type=repo_type,
        )
        repo = self._repo(repo_id)
        if tag in repo.tags:
            raise http_error(409, message="Tag already exists")
        repo.tags[tag] = repo.branches.get(revision, revision)
