"""The Hub boundary: exception conversion, token resolution, and what HubClient sends to HfApi."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx2
import pytest
from huggingface_hub import CommitOperationAdd, CommitOperationDelete
from huggingface_hub.errors import LocalTokenNotFoundError, OfflineModeIsEnabled
from publish_fakes import FakeHub, http_error

from lavrov_corpus import hub
from lavrov_corpus.errors import (
    HubAuthError,
    HubConflictError,
    HubError,
    HubNetworkError,
)

PACKAGE = Path(__file__).resolve().parents[1] / "lavrov_corpus"
TOKEN = "hf_HUBtokenSecret000111222333"
REPO = "owner/name"

CASES: list[tuple[str, BaseException, type[HubError], str]] = [
    (
        "401",
        http_error(401, message="Invalid credentials in Authorization header"),
        HubAuthError,
        "rejected the token",
    ),
    ("403", http_error(403, message="forbidden"), HubAuthError, "permission denied"),
    ("gated", http_error(403, code="GatedRepo"), HubAuthError, "gated"),
    ("repo-404", http_error(404, code="RepoNotFound"), HubError, "repository not found"),
    ("revision-404", http_error(404, code="RevisionNotFound"), HubError, "revision not found"),
    (
        "disabled",
        http_error(403, message="Access to this resource is disabled."),
        HubError,
        "disabled",
    ),
    ("409", http_error(409, message="exists"), HubConflictError, "conflict"),
    ("429", http_error(429), HubNetworkError, "rate-limited"),
    ("500", http_error(500), HubNetworkError, "the Hub failed (500)"),
    ("400", http_error(400, message="bad field"), HubError, "refused the request (400): bad field"),
    ("418", http_error(418), HubError, "Hub error (418)"),
    ("read-timeout", httpx2.ReadTimeout("slow"), HubNetworkError, "did not answer in time"),
    ("connect", httpx2.ConnectError("refused"), HubNetworkError, "could not reach the Hub"),
    ("proxy", httpx2.ProxyError("bad proxy"), HubNetworkError, "could not reach the Hub"),
    ("os-timeout", TimeoutError(), HubNetworkError, "timed out"),
    ("offline", OfflineModeIsEnabled("offline"), HubNetworkError, "HF_HUB_OFFLINE"),
    ("no-token", LocalTokenNotFoundError("none"), HubAuthError, "no Hugging Face token"),
    ("value", ValueError("Invalid metadata in README.md.\n- bad"), HubError, "Invalid metadata"),
]


@pytest.mark.parametrize(
    ("exc", "kind", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hub_and_network_errors_become_ours(
    exc: BaseException, kind: type[HubError], message: str
) -> None:
    converted = hub.convert_exception(exc, "doing things")
    assert type(converted) is kind
    assert str(converted).startswith("doing things: ")
    assert message in str(converted)


def test_errors_that_are_not_the_hubs_pass_through() -> None:
    assert hub.convert_exception(KeyError("x"), "x") is None
    with pytest.raises(KeyError), hub.converted("x", TOKEN):
        raise KeyError("programming error, not a Hub error")


def test_converted_scrubs_the_token_and_keeps_the_cause() -> None:
    original = http_error(400, message=f"token {TOKEN} is malformed")
    with pytest.raises(HubError) as info, hub.converted("pushing", TOKEN):
        raise original
    assert TOKEN not in str(info.value) and "token *** is malformed" in str(info.value)
    assert info.value.__cause__ is original


def test_token_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub, "get_token", lambda: "from-env-or-login")
    assert hub.resolve_token("explicit") == "explicit"
    assert hub.resolve_token(None) == "from-env-or-login"
    monkeypatch.setattr(hub, "get_token", lambda: None)
    with pytest.raises(HubAuthError, match="pass --token, set HF_TOKEN"):
        hub.resolve_token(None)


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> tuple[hub.HubClient, FakeHub]:
    state = FakeHub()
    monkeypatch.setattr(hub, "HfApi", state.api)
    return hub.HubClient(TOKEN), state


def test_client_acts_on_dataset_repos(
    client: tuple[hub.HubClient, FakeHub], tmp_path: Path
) -> None:
    api, state = client
    assert api.ensure_repo(REPO, private=True) is True
    api.ensure_branch(REPO, "dev")
    refs = api.refs(REPO)
    assert set(refs.branches) == {"main", "dev"} and refs.tags == {}
    local = tmp_path / "x.txt"
    local.write_bytes(b"hello")
    result = api.commit(
        REPO,
        additions=[("x.txt", local)],
        deletions=[".gitattributes"],
        message="m",
        description="d",
        revision=None,
        create_pr=False,
        parent_commit=refs.branches["main"],
    )
    api.create_tag(REPO, tag="v1", revision=result.oid, message="t")
    assert api.list_files(REPO, revision="v1") == ["x.txt"]
    assert api.read_file(REPO, "x.txt", revision="v1") == b"hello"
    assert api.read_file(REPO, "missing.json", revision="v1") is None
    assert state.tokens == [TOKEN]
    for name, kwargs in state.calls:
        if "repo_type" in kwargs:
            assert kwargs["repo_type"] == "dataset", name
    commit = state.call("create_commit")
    assert commit["ops"] == [("add", "x.txt"), ("delete", ".gitattributes")]


def test_client_builds_real_commit_operations(
    client: tuple[hub.HubClient, FakeHub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, state = client
    api.ensure_repo(REPO, private=False)
    seen: list[object] = []
    original = state.api().create_commit.__func__  # type: ignore[attr-defined]

    def spy(self: object, repo_id: str, operations: list[object], **kwargs: object) -> object:
        seen.extend(operations)
        return original(self, repo_id, operations, **kwargs)

    monkeypatch.setattr(type(state.api()), "create_commit", spy)
    local = tmp_path / "a.parquet"
    local.write_bytes(b"PAR1")
    api.commit(
        REPO,
        additions=[("data/a.parquet", local)],
        deletions=[".gitattributes"],
        message="m",
        description="",
        revision=None,
        create_pr=False,
        parent_commit=None,
    )
    add, delete = seen
    assert isinstance(add, CommitOperationAdd) and add.path_in_repo == "data/a.parquet"
    assert add.path_or_fileobj == str(local)
    assert isinstance(delete, CommitOperationDelete) and delete.path_in_repo == ".gitattributes"


def test_client_converts_errors(client: tuple[hub.HubClient, FakeHub]) -> None:
    api, state = client
    state.fail["create_repo"] = http_error(403, message=f"denied for {TOKEN}")
    with pytest.raises(HubAuthError) as info:
        api.ensure_repo(REPO, private=False)
    assert TOKEN not in str(info.value)
    assert str(info.value).startswith(f"creating or opening {REPO}: permission denied (403)")


def test_card_metadata_problem_uses_huggingface_hub_parser() -> None:
    assert hub.card_metadata_problem("---\nlicense: mit\n---\n# Card\n") is None
    assert "cannot read" in str(hub.card_metadata_problem("---\n- a\n- b\n---\n"))
    assert "no YAML metadata" in str(hub.card_metadata_problem("# no front matter\n"))


def test_hub_is_the_only_module_importing_huggingface_hub() -> None:
    importers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            if any(n == "huggingface_hub" or n.startswith("huggingface_hub.") for n in names):
                importers.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(set(importers)) == ["hub.py"]


def test_not_private_keeps_the_organisation_default(client: tuple[hub.HubClient, FakeHub]) -> None:
    api, state = client
    assert api.ensure_repo(REPO, private=False) is False
    assert state.call("create_repo")["private"] is None  # not False: that would force public
