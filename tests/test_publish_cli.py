"""``lavrov-corpus push``: dry run, messages, every error path; the token is never shown."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import httpx2
import pytest
from publish_fakes import VERSION, FakeHub, http_error, make_dataset
from typer.testing import CliRunner

from lavrov_corpus import hub, publish
from lavrov_corpus.cli import _register, app

REPO = "someone/lavrov-corpus"
TOKEN = "hf_CLItokenMustNeverBePrinted987654"
TAG = f"v{VERSION}"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(publish, "run_validation", lambda d: (True, "valid"))
    # No saved login or HF_TOKEN from the machine running the tests.
    from huggingface_hub import constants

    for var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_OIDC_RESOURCE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "no-saved-token"))
    _register()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return make_dataset(tmp_path / "dataset")


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch) -> FakeHub:
    state = FakeHub()
    monkeypatch.setattr(hub, "HfApi", state.api)
    return state


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result


def assert_clean_failure(result: Any) -> str:
    """Exit 1, one 'error:' line on stderr, no traceback, no token anywhere."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert TOKEN not in result.output and TOKEN not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error: ")
    return str(result.stderr)


def test_dry_run_prints_the_plan_and_touches_no_network(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the dry run reached for the network")

    monkeypatch.setattr(hub, "HfApi", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = run("push", str(dataset), "--repo-id", REPO, "--dry-run", "--token", TOKEN)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "nothing will be uploaded" in out
    assert f"commit message: Publish lavrov-corpus v{VERSION}" in out
    assert f"tag:            {TAG}" in out
    listed = sorted(p for p in dataset.rglob("*") if p.is_file())
    for path in listed:
        rel = path.relative_to(dataset).as_posix()
        size = f"{path.stat().st_size:,}"
        line = next(line for line in out.splitlines() if line.endswith(f"  {rel}"))
        assert line.split()[0] == size
        assert publish.hashlib.sha256(path.read_bytes()).hexdigest() in line
    assert TOKEN not in out


def test_push_prints_the_commit_and_the_tag(dataset: Path, fake_hub: FakeHub) -> None:
    result = run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN, "--private")
    assert result.exit_code == 0, result.output
    assert f"tagged {TAG}" in result.stdout
    assert "commit: https://huggingface.co/datasets/" in result.stdout
    assert fake_hub.call("create_repo")["private"] is True
    assert TOKEN not in result.output


def test_second_push_of_the_same_content_says_so(dataset: Path, fake_hub: FakeHub) -> None:
    run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN)
    result = run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN)
    assert result.exit_code == 0
    assert "same content" in result.stdout and "nothing to do" in result.stdout


def test_conflicting_tag_exits_1(dataset: Path, fake_hub: FakeHub) -> None:
    run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN)
    repo = fake_hub.repos[REPO]
    repo.tags[TAG] = next(iter(repo.commits))
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN))
    assert f"tag {TAG} already exists" in err


def test_create_pr_and_revision_reach_the_hub(dataset: Path, fake_hub: FakeHub) -> None:
    args = ["push", str(dataset), "--repo-id", REPO, "--token", TOKEN]
    result = run(*args, "--revision", "staging", "--create-pr")
    assert result.exit_code == 0, result.output
    commit = fake_hub.call("create_commit")
    assert commit["revision"] == "staging" and commit["create_pr"] is True
    assert "pull request" in result.stdout and "create_tag" not in fake_hub.names()


def test_invalid_dataset_exits_1_without_reaching_the_hub(
    dataset: Path, fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "run_validation", lambda d: (False, "span-mismatch (2)"))
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN))
    assert "does not validate" in err and "span-mismatch (2)" in err
    assert fake_hub.tokens == []


def test_bad_card_exits_1_with_the_reason(dataset: Path) -> None:
    card = dataset / "README.md"
    card.write_text(card.read_text().replace("license: other", "license: Other License"))
    from publish_fakes import write_manifest

    write_manifest(dataset)
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO, "--dry-run"))
    assert "'Other License' is not a Hub license id" in err


def test_missing_token_exits_1(dataset: Path, fake_hub: FakeHub) -> None:
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO))
    assert "no Hugging Face token" in err and "HF_TOKEN" in err
    assert fake_hub.tokens == []


def test_hf_token_environment_variable_is_the_default(
    dataset: Path, fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    result = run("push", str(dataset), "--repo-id", REPO)
    assert result.exit_code == 0, result.output
    assert fake_hub.tokens == [TOKEN]
    assert TOKEN not in result.output


ERRORS: list[tuple[str, str, Exception, str]] = [
    (
        "auth-401",
        "create_repo",
        http_error(
            401,
            message="Invalid credentials in Authorization header",
            url="https://huggingface.co/api/repos/create",
        ),
        "rejected the token (401)",
    ),
    (
        "permission-403",
        "create_commit",
        http_error(403, message="You don't have the rights"),
        "permission denied (403)",
    ),
    (
        "rate-limit-429",
        "create_commit",
        http_error(429, headers={"Retry-After": "30"}),
        "rate-limited by the Hub (429); retry after 30",
    ),
    ("server-503", "list_repo_refs", http_error(503), "the Hub failed (503)"),
    (
        "repo-not-found",
        "dataset_info",
        http_error(404, code="RepoNotFound"),
        "repository not found, or not visible",
    ),
    ("gated", "dataset_info", http_error(403, code="GatedRepo"), "gated"),
    (
        "revision-not-found",
        "list_repo_files",
        http_error(404, code="RevisionNotFound"),
        "branch or revision not found",
    ),
    ("read-timeout", "create_commit", httpx2.ReadTimeout("timed out"), "did not answer in time"),
    (
        "connect-timeout",
        "create_repo",
        httpx2.ConnectTimeout("timed out"),
        "did not answer in time",
    ),
    (
        "connection-refused",
        "create_repo",
        httpx2.ConnectError("[Errno 111] Connection refused"),
        "could not reach the Hub",
    ),
    (
        "bad-card-on-hub",
        "create_commit",
        ValueError('Invalid metadata in README.md.\n- "license" must be one of [...]'),
        "Invalid metadata in README.md",
    ),
]


@pytest.mark.parametrize(
    ("method", "error", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_hub_errors_exit_1_with_one_clear_line(
    dataset: Path, fake_hub: FakeHub, method: str, error: Exception, message: str
) -> None:
    fake_hub.fail[method] = error
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN))
    assert message in err
    assert "create_tag" not in fake_hub.names()


def test_a_token_echoed_by_the_server_is_scrubbed(dataset: Path, fake_hub: FakeHub) -> None:
    fake_hub.fail["create_commit"] = http_error(400, message=f"bad token {TOKEN} in request")
    err = assert_clean_failure(run("push", str(dataset), "--repo-id", REPO, "--token", TOKEN))
    assert "bad token *** in request" in err


def test_debug_shows_the_traceback(dataset: Path, fake_hub: FakeHub) -> None:
    fake_hub.fail["create_repo"] = http_error(403, message="no")
    result = CliRunner().invoke(
        app, ["--debug", "push", str(dataset), "--repo-id", REPO, "--token", TOKEN]
    )
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "HubAuthError"


def test_a_malformed_repo_id_is_a_usage_error(dataset: Path) -> None:
    result = run("push", str(dataset), "--repo-id", "no-owner", "--dry-run")
    assert result.exit_code == 2
    assert "OWNER/NAME" in result.output
