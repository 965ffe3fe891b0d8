"""The boundary with the Hugging Face Hub: the only module that imports ``huggingface_hub``.

:class:`HubApi` is the small set of Hub operations publishing needs; :class:`HubClient` implements
it over ``huggingface_hub.HfApi`` and turns every Hub or network exception into one of ours
(:class:`~lavrov_corpus.errors.HubError` and its subclasses) with a message a user can act on.
The token is never printed, logged or put into a message: every message is scrubbed of it.

Everything here acts on *dataset* repositories.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx2
from huggingface_hub import (
    CommitOperationAdd,
    CommitOperationDelete,
    DatasetCard,
    DatasetCardData,
    HfApi,
    get_token,
)
from huggingface_hub.errors import (
    DisabledRepoError,
    GatedRepoError,
    HfHubHTTPError,
    LocalTokenNotFoundError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from .errors import HubAuthError, HubConflictError, HubError, HubNetworkError

REPO_TYPE = "dataset"


@dataclass(frozen=True)
class Refs:
    """Branches and tags of a repository: name -> commit sha."""

    branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CommitResult:
    """What the Hub answered to a commit."""

    oid: str
    url: str
    pr_url: str | None = None


class HubApi(Protocol):
    """The Hub operations publishing needs (all on dataset repositories)."""

    def ensure_repo(self, repo_id: str, *, private: bool) -> bool:
        """Create the repository unless it exists; return whether it is private."""
        ...

    def ensure_branch(self, repo_id: str, branch: str) -> None:
        """Create ``branch`` (from the default branch) unless it exists."""
        ...

    def refs(self, repo_id: str) -> Refs:
        """Branches and tags of the repository."""
        ...

    def list_files(self, repo_id: str, *, revision: str) -> list[str]:
        """Paths of every file at ``revision``."""
        ...

    def read_file(self, repo_id: str, path: str, *, revision: str) -> bytes | None:
        """Bytes of ``path`` at ``revision``, or None when there is no such file."""
        ...

    def commit(
        self,
        repo_id: str,
        *,
        additions: Sequence[tuple[str, Path]],
        deletions: Sequence[str],
        message: str,
        description: str,
        revision: str | None,
        create_pr: bool,
        parent_commit: str | None,
    ) -> CommitResult:
        """One commit adding ``(path_in_repo, local_file)`` pairs and deleting paths."""
        ...

    def create_tag(self, repo_id: str, *, tag: str, revision: str, message: str) -> None:
        """Tag the commit ``revision``; fails with HubConflictError if the tag exists."""
        ...


def resolve_token(token: str | None) -> str:
    """``token``, else ``HF_TOKEN``, else the saved login; HubAuthError when there is none."""
    if token:
        return token
    found = get_token()
    if not found:
        raise HubAuthError(
            "no Hugging Face token: pass --token, set HF_TOKEN, or log in with `hf auth login`"
        )
    return found


class HubClient:
    """:class:`HubApi` over ``huggingface_hub.HfApi``, with errors converted to ours."""

    def __init__(self, token: str | None = None) -> None:
        self._token = resolve_token(token)
        self._api = HfApi(token=self._token, library_name="lavrov-corpus")

    def ensure_repo(self, repo_id: str, *, private: bool) -> bool:
        with converted(f"creating or opening {repo_id}", self._token):
            # private=None (not False) keeps an organisation's "private by default" setting.
            self._api.create_repo(
                repo_id, repo_type=REPO_TYPE, private=True if private else None, exist_ok=True
            )
            info = self._api.dataset_info(repo_id)
        return bool(info.private)

    def ensure_branch(self, repo_id: str, branch: str) -> None:
        with converted(f"creating branch {branch!r} of {repo_id}", self._token):
            self._api.create_branch(repo_id, branch=branch, repo_type=REPO_TYPE, exist_ok=True)

    def refs(self, repo_id: str) -> Refs:
        with converted(f"listing branches and tags of {repo_id}", self._token):
            refs = self._api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        return Refs(
            branches={b.name: b.target_commit for b in refs.branches},
            tags={t.name: t.target_commit for t in refs.tags},
        )

    def list_files(self, repo_id: str, *, revision: str) -> list[str]:
        with converted(f"listing files of {repo_id}@{revision}", self._token):
            return list(self._api.list_repo_files(repo_id, repo_type=REPO_TYPE, revision=revision))

    def read_file(self, repo_id: str, path: str, *, revision: str) -> bytes | None:
        # A throwaway cache: this read must not depend on, or leave anything in, the user's cache.
        with (
            tempfile.TemporaryDirectory(prefix="lavrov-corpus-hub-") as tmp,
            converted(f"reading {path} of {repo_id}@{revision}", self._token),
        ):
            try:
                local = self._api.hf_hub_download(
                    repo_id, path, repo_type=REPO_TYPE, revision=revision, cache_dir=tmp
                )
            except RemoteEntryNotFoundError:
                return None
            return Path(str(local)).read_bytes()

    def commit(
        self,
        repo_id: str,
        *,
        additions: Sequence[tuple[str, Path]],
        deletions: Sequence[str],
        message: str,
        description: str,
        revision: str | None,
        create_pr: bool,
        parent_commit: str | None,
    ) -> CommitResult:
        operations: list[CommitOperationAdd | CommitOperationDelete] = [
            CommitOperationAdd(path_in_repo=path, path_or_fileobj=str(local))
            for path, local in additions
        ]
        operations += [CommitOperationDelete(path_in_repo=path) for path in deletions]
        with converted(f"committing to {repo_id}", self._token):
            info = self._api.create_commit(
                repo_id,
                operations,
                commit_message=message,
                commit_description=description,
                repo_type=REPO_TYPE,
                revision=revision,
                create_pr=create_pr,
                parent_commit=parent_commit,
            )
        return CommitResult(oid=info.oid, url=info.commit_url, pr_url=info.pr_url)

    def create_tag(self, repo_id: str, *, tag: str, revision: str, message: str) -> None:
        with converted(f"creating tag {tag!r} on {repo_id}", self._token):
            self._api.create_tag(
                repo_id, tag=tag, revision=revision, tag_message=message, repo_type=REPO_TYPE
            )


def card_metadata_problem(card_text: str) -> str | None:
    """Why ``huggingface_hub``'s own card parser rejects ``card_text``, or None if it accepts it.

    This is the local part of the Hub's card checks (front matter found, YAML parses, a mapping,
    loadable as ``DatasetCardData``); the rest runs on the Hub only.
    """
    try:
        card = DatasetCard(card_text)
    except Exception as exc:  # the parser raises ValueError and yaml errors alike
        return f"huggingface_hub cannot read the card metadata: {_first_line(str(exc))}"
    if not card.data.to_dict():  # type: ignore[no-untyped-call]
        return "huggingface_hub finds no YAML metadata block at the top of the card"
    return None


def dataset_card_data(meta: dict[str, Any]) -> DatasetCardData:
    """``meta`` as huggingface_hub's ``DatasetCardData`` (what ``datasets`` reads configs from)."""
    return DatasetCardData(**meta)


@contextmanager
def converted(action: str, token: str | None) -> Iterator[None]:
    """Turn Hub and network exceptions raised inside the block into our HubError subclasses."""
    try:
        yield
    except HubError:
        raise
    except Exception as exc:
        mapped = convert_exception(exc, action)
        if mapped is None:
            raise
        raise type(mapped)(_scrub(str(mapped), token)) from exc


def convert_exception(exc: BaseException, action: str) -> HubError | None:
    """Our exception for a Hub/network exception ``exc`` raised while doing ``action``."""
    if isinstance(exc, LocalTokenNotFoundError):
        return HubAuthError(
            f"{action}: no Hugging Face token (pass --token, set HF_TOKEN or `hf auth login`)"
        )
    if isinstance(exc, OfflineModeIsEnabled):
        return HubNetworkError(f"{action}: HF_HUB_OFFLINE is set, so the Hub cannot be reached")
    if isinstance(exc, GatedRepoError):
        return HubAuthError(f"{action}: the repository is gated and this token has no access")
    if isinstance(exc, RepositoryNotFoundError):
        return HubError(
            f"{action}: repository not found, or not visible with this token "
            "(check --repo-id and that the token may read it)"
        )
    if isinstance(exc, RevisionNotFoundError):
        return HubError(f"{action}: branch or revision not found on the Hub")
    if isinstance(exc, DisabledRepoError):
        return HubError(f"{action}: the repository has been disabled on the Hub")
    if isinstance(exc, HfHubHTTPError):
        return _from_status(exc, action)
    if isinstance(exc, httpx2.TimeoutException):
        return HubNetworkError(f"{action}: the Hub did not answer in time ({type(exc).__name__})")
    if isinstance(exc, httpx2.TransportError):
        return HubNetworkError(f"{action}: could not reach the Hub ({type(exc).__name__}: {exc})")
    if isinstance(exc, TimeoutError):
        return HubNetworkError(f"{action}: timed out talking to the Hub")
    if isinstance(exc, ConnectionError):
        return HubNetworkError(f"{action}: could not reach the Hub ({exc})")
    if isinstance(exc, ValueError):
        # huggingface_hub raises ValueError for a bad repo id and for card metadata the Hub
        # refused in create_commit's pre-check.
        return HubError(f"{action}: {_first_lines(str(exc))}")
    return None


def _from_status(exc: HfHubHTTPError, action: str) -> HubError:
    response: Any = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    detail = exc.server_message or ""
    suffix = f": {_first_line(detail)}" if detail else ""
    request_id = f" (request id {exc.request_id})" if exc.request_id else ""
    if status == 401:
        return HubAuthError(f"{action}: the Hub rejected the token (401){suffix}{request_id}")
    if status == 403:
        return HubAuthError(
            f"{action}: permission denied (403); the token needs write access to this "
            f"namespace{suffix}{request_id}"
        )
    if status == 409:
        return HubConflictError(f"{action}: conflict on the Hub (409){suffix}{request_id}")
    if status == 429:
        retry = response.headers.get("Retry-After") if response is not None else None
        when = f"; retry after {retry} s" if retry else "; retry later"
        return HubNetworkError(f"{action}: rate-limited by the Hub (429){when}{request_id}")
    if isinstance(status, int) and status >= 500:
        return HubNetworkError(
            f"{action}: the Hub failed ({status}); retry later{suffix}{request_id}"
        )
    if status == 400:
        return HubError(f"{action}: the Hub refused the request (400){suffix}{request_id}")
    return HubError(f"{action}: Hub error ({status}){suffix}{request_id}")


def _scrub(message: str, token: str | None) -> str:
    if token:
        message = message.replace(token, "***")
    return message


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _first_lines(text: str, n: int = 6) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[:n] if line.strip())
