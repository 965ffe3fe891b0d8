"""Publishing: the plan, the refusals, the one commit + tag, the no-op and the conflict.

The Hub is the in-memory stand-in of ``publish_fakes``: ``lavrov_corpus.hub.HfApi`` is replaced
by it, so the real ``HubClient`` (and its error conversion) runs, and only the network is fake.
"""

from __future__ import annotations

import hashlib
import re
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from publish_fakes import (
    ROW_COUNTS,
    VERSION,
    FakeHub,
    card_metadata,
    make_dataset,
    write_card,
    write_manifest,
)

from lavrov_corpus import hub, layout, publish
from lavrov_corpus.errors import (
    DatasetNotFoundError,
    HubConflictError,
    HubError,
    InputError,
    ValidationFailed,
)
from lavrov_corpus.models import TABLES
from lavrov_corpus.models.manifest import Manifest
from lavrov_corpus.publish import plan_push, push_dataset

REPO = "someone/lavrov-corpus"
TOKEN = "hf_TESTtokenDoNotLeak0123456789"
TAG = f"v{VERSION}"


@pytest.fixture(autouse=True)
def _validator_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The dataset validator is tested on its own; here it is the gate, patched per test.
    monkeypatch.setattr(publish, "run_validation", lambda d: (True, "valid"))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return make_dataset(tmp_path / "dataset")


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch) -> FakeHub:
    state = FakeHub()
    monkeypatch.setattr(hub, "HfApi", state.api)
    return state


def push(dataset: Path, **kwargs: Any) -> publish.PushResult:
    kwargs.setdefault("token", TOKEN)
    return push_dataset(dataset, REPO, **kwargs)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the plan ---------------------------------------------------------------------------------


def test_plan_lists_every_file_with_size_and_sha256(dataset: Path) -> None:
    plan = plan_push(dataset, REPO)
    on_disk = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("*") if p.is_file())
    assert [f.path for f in plan.files] == on_disk
    for f in plan.files:
        assert f.size == (dataset / f.path).stat().st_size
        assert f.sha256 == _sha(dataset / f.path)
    assert plan.tag == TAG
    assert VERSION in plan.commit_message
    manifest = Manifest.model_validate_json((dataset / layout.MANIFEST).read_bytes())
    assert manifest.fingerprint in plan.commit_description
    rendered = plan.render()
    for f in plan.files:
        assert f"{f.sha256}  {f.path}" in rendered
    assert plan.commit_message in rendered and TAG in rendered


def test_dry_run_makes_no_client_and_no_connection(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_client(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("dry run constructed a Hub client")

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("dry run opened a connection")

    monkeypatch.setattr(hub, "HfApi", no_client)
    monkeypatch.setattr(hub.HubClient, "__init__", no_client)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    result = push(dataset, dry_run=True)
    assert result.status == "dry-run"
    assert result.commit_url is None


# --- refusals -----------------------------------------------------------------------------------


def test_refuses_a_dataset_that_does_not_validate(
    dataset: Path, fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = "1 problem\n  foreign-key quotes row 0 speaker_id: 'nobody' not in speakers"
    monkeypatch.setattr(publish, "run_validation", lambda d: (False, report))
    with pytest.raises(ValidationFailed, match="does not validate") as info:
        push(dataset)
    assert "foreign-key" in str(info.value)
    assert fake_hub.calls == [] and fake_hub.tokens == []


def test_real_validator_is_called_with_the_folder(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    class Report:
        valid = False

        def render_text(self) -> str:
            return "row-model: broken"

    class Module:
        @staticmethod
        def validate_dataset(path: Path) -> Report:
            seen.append(path)
            return Report()

    monkeypatch.undo()  # the real run_validation, with a stand-in validator module
    monkeypatch.setitem(sys.modules, "lavrov_corpus.validate", Module)
    with pytest.raises(ValidationFailed, match="row-model: broken"):
        plan_push(dataset, REPO)
    assert seen == [dataset]


def test_refuses_a_file_that_differs_from_the_manifest(dataset: Path, fake_hub: FakeHub) -> None:
    card = dataset / layout.CARD
    card.write_text(card.read_text() + "edited after the build\n")
    with pytest.raises(ValidationFailed, match=r"README\.md: .*differs|README\.md: \d+ bytes"):
        push(dataset)
    assert fake_hub.calls == []


def test_refuses_files_missing_from_the_manifest(dataset: Path) -> None:
    (dataset / "data" / "quotes" / "extra.parquet").write_bytes(b"PAR1")
    with pytest.raises(ValidationFailed, match=r"data/quotes/extra\.parquet: in the folder"):
        plan_push(dataset, REPO)


def test_refuses_a_missing_manifest_and_folder(tmp_path: Path, dataset: Path) -> None:
    with pytest.raises(DatasetNotFoundError):
        plan_push(tmp_path / "nowhere", REPO)
    (dataset / layout.MANIFEST).unlink()
    with pytest.raises(DatasetNotFoundError, match=r"manifest\.json"):
        plan_push(dataset, REPO)


def test_refuses_a_manifest_that_does_not_fit_the_model(dataset: Path) -> None:
    (dataset / layout.MANIFEST).write_text('{"name": "x"}')
    with pytest.raises(ValidationFailed, match="does not fit the manifest model"):
        plan_push(dataset, REPO)


@pytest.mark.parametrize("repo_id", ["name-only", "a/b/c", "owner/", "-x/y", "o/na me", "o/a--b"])
def test_refuses_a_malformed_repo_id(dataset: Path, repo_id: str) -> None:
    with pytest.raises(InputError, match="OWNER/NAME"):
        plan_push(dataset, repo_id)


def _recard(dataset: Path, meta: dict[str, Any] | str) -> None:
    write_card(dataset, meta)
    write_manifest(dataset)


def _meta(**changes: Any) -> dict[str, Any]:
    meta = card_metadata(ROW_COUNTS)
    for key, value in changes.items():
        if value is None:
            meta.pop(key)
        else:
            meta[key] = value
    return meta


BAD_CARDS: list[tuple[str, dict[str, Any] | str, str]] = [
    ("yaml-syntax", "license: mit\nlanguage: [en\n", r"invalid YAML front matter: line \d+"),
    ("duplicate-key", "license: mit\nlicense: cc-by-4.0\n", "duplicate key 'license'"),
    ("not-a-mapping", "- just\n- a list\n", "must be a YAML mapping"),
    ("no-license", _meta(license=None), "license: missing"),
    ("license-case", _meta(license="CC-BY-4.0"), "'CC-BY-4.0' is not a Hub license id"),
    ("other-no-name", _meta(license_name=None), "license_name: required"),
    ("language-bad", _meta(language=["english"]), "'english' is not an ISO 639 code"),
    ("language-unknown", _meta(language=["qqq"]), "'qqq' is not a known ISO 639"),
    ("size-category", _meta(size_categories=["tiny"]), "'tiny' is not one of"),
    ("no-configs", _meta(configs=None), "configs: missing"),
    (
        "missing-file",
        _meta(configs=[{"config_name": "quotes", "data_files": "data/quotes/nope.parquet"}]),
        "'data/quotes/nope.parquet' matches no file",
    ),
    (
        "bad-split",
        _meta(
            configs=[
                {"config_name": "quotes", "data_files": [{"split": "tr-ain", "path": "data/*"}]}
            ]
        ),
        "split 'tr-ain' is not a valid split name",
    ),
    (
        "two-defaults",
        _meta(
            configs=[
                {"config_name": t, "data_files": f"data/{t}/*.parquet", "default": True}
                for t in TABLES
            ]
        ),
        "several default configs",
    ),
    (
        "unreachable",
        _meta(configs=[{"config_name": "quotes", "data_files": "data/quotes/*.parquet"}]),
        "data/articles/articles.parquet is not reachable",
    ),
    (
        "count-mismatch",
        _meta(
            dataset_info=[
                {
                    "config_name": "quotes",
                    "splits": [{"name": "train", "num_bytes": 9, "num_examples": 7}],
                }
            ]
        ),
        f"num_examples total 7 but the manifest has {ROW_COUNTS['quotes']} rows in quotes",
    ),
    (
        "split-fields",
        _meta(
            dataset_info=[
                {"config_name": "quotes", "splits": [{"name": "train", "num_examples": 1}]}
            ]
        ),
        "need name, num_examples and num_bytes",
    ),
    (
        "bad-features",
        _meta(
            dataset_info=[
                {
                    "config_name": "quotes",
                    "features": [{"name": "x", "dtype": "no-such-type"}],
                    "splits": [
                        {"name": "train", "num_bytes": 9, "num_examples": ROW_COUNTS["quotes"]}
                    ],
                }
            ]
        ),
        "`datasets` cannot read configs/dataset_info",
    ),
]


@pytest.mark.parametrize(
    ("meta", "message"), [c[1:] for c in BAD_CARDS], ids=[c[0] for c in BAD_CARDS]
)
def test_refuses_bad_card_metadata(
    dataset: Path, fake_hub: FakeHub, meta: dict[str, Any] | str, message: str
) -> None:
    _recard(dataset, meta)
    with pytest.raises(ValidationFailed, match="refusing to push") as info:
        push(dataset)
    text = str(info.value)
    assert message in text or re.search(message, text), text
    assert fake_hub.calls == []


def test_refuses_a_card_without_front_matter(dataset: Path) -> None:
    (dataset / layout.CARD).write_text("# A card\n\nlicense: mit\n")
    write_manifest(dataset)
    with pytest.raises(ValidationFailed, match="no YAML front matter"):
        plan_push(dataset, REPO)


def test_yaml_error_names_the_card_line(dataset: Path) -> None:
    _recard(dataset, "license: mit\nlanguage: en\npretty_name: [unclosed\n")
    with pytest.raises(ValidationFailed) as info:
        plan_push(dataset, REPO)
    # The front matter starts on line 2 of README.md; the error is at or after its line 3.
    line = int(str(info.value).split("line ")[1].split(",")[0])
    text_lines = (dataset / layout.CARD).read_text().splitlines()
    assert 4 <= line <= len(text_lines)


def test_a_good_card_passes_the_lint(dataset: Path) -> None:
    from lavrov_corpus.cardlint import lint_card

    files = [p.relative_to(dataset).as_posix() for p in dataset.rglob("*") if p.is_file()]
    assert lint_card(dataset, files, ROW_COUNTS) == []


def test_the_real_validator_contract(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real run_validation and the real lavrov_corpus.validate
    pytest.importorskip("lavrov_corpus.validate")
    valid, text = publish.run_validation(dataset)
    assert valid is True, text  # the folder these tests push is a valid dataset
    assert str(dataset) in text


# --- publishing -------------------------------------------------------------------------------


def test_push_uploads_every_file_in_one_commit_then_tags_it(
    dataset: Path, fake_hub: FakeHub
) -> None:
    result = push(dataset, private=True)
    assert result.status == "published"
    assert fake_hub.tokens == [TOKEN]
    assert fake_hub.names().count("create_commit") == 1
    assert fake_hub.call("create_repo") == {
        "repo_id": REPO,
        "repo_type": "dataset",
        "private": True,
    }
    commit = fake_hub.call("create_commit")
    plan = plan_push(dataset, REPO)
    assert commit["ops"] == [("add", f.path) for f in plan.files]  # sorted, deterministic
    assert commit["commit_message"] == f"Publish lavrov-corpus v{VERSION}"
    assert commit["repo_type"] == "dataset"
    assert commit["revision"] is None and commit["create_pr"] is False
    assert commit["parent_commit"] is not None  # guards against a concurrent commit
    tag = fake_hub.call("create_tag")
    repo = fake_hub.repos[REPO]
    assert tag["tag"] == TAG and tag["repo_type"] == "dataset"
    assert tag["revision"] == repo.branches["main"]  # the commit just made, not a moving branch
    published = repo.files_at(TAG)
    for f in plan.files:
        assert published[f.path] == (dataset / f.path).read_bytes()
    assert fake_hub.names().index("create_commit") < fake_hub.names().index("create_tag")


def test_same_content_already_tagged_is_a_no_op(dataset: Path, fake_hub: FakeHub) -> None:
    push(dataset)
    commits = len(fake_hub.repos[REPO].commits)
    fake_hub.calls.clear()
    result = push(dataset)
    assert result.status == "already-published"
    assert "nothing to do" in result.message and TAG in result.message
    assert "create_commit" not in fake_hub.names()
    assert "create_tag" not in fake_hub.names()
    assert len(fake_hub.repos[REPO].commits) == commits


def test_tag_on_different_content_is_refused(dataset: Path, fake_hub: FakeHub) -> None:
    push(dataset)
    fake_hub.calls.clear()
    (dataset / layout.CITATION).write_text(
        (dataset / layout.CITATION).read_text() + "abstract: changed\n"
    )
    write_manifest(dataset)  # same version, different content
    with pytest.raises(HubConflictError, match=f"tag {TAG} already exists .*different content"):
        push(dataset)
    assert "create_commit" not in fake_hub.names()
    assert "create_tag" not in fake_hub.names()


def test_tag_without_a_manifest_is_a_conflict(dataset: Path, fake_hub: FakeHub) -> None:
    push(dataset)
    repo = fake_hub.repos[REPO]
    repo.tags[TAG] = next(iter(repo.commits))  # the initial commit: no manifest.json
    with pytest.raises(HubConflictError, match=r"no readable manifest\.json"):
        push(dataset)


def test_tag_created_concurrently_is_a_conflict(dataset: Path, fake_hub: FakeHub) -> None:
    from publish_fakes import http_error

    fake_hub.fail["create_tag"] = http_error(409, message="Tag already exists")
    with pytest.raises(HubConflictError, match="409"):
        push(dataset)


def test_stale_data_files_are_deleted_in_the_same_commit(dataset: Path, fake_hub: FakeHub) -> None:
    push(dataset)
    repo = fake_hub.repos[REPO]
    files = dict(repo.files_at("main"))
    files["data/quotes/old-shard.parquet"] = b"old"
    files["docs/figure.png"] = b"kept: outside data/"
    del repo.tags[TAG]
    repo.branches["main"] = repo.add_commit(files)
    fake_hub.calls.clear()
    result = push(dataset)
    assert result.deleted == ("data/quotes/old-shard.parquet",)
    (commit,) = [kw for name, kw in fake_hub.calls if name == "create_commit"]
    assert ("delete", "data/quotes/old-shard.parquet") in commit["ops"]
    after = repo.files_at(TAG)
    assert "data/quotes/old-shard.parquet" not in after
    assert "docs/figure.png" in after


def test_private_flag_refuses_an_existing_public_repo(dataset: Path, fake_hub: FakeHub) -> None:
    fake_hub.api().create_repo(REPO, repo_type="dataset", private=False, exist_ok=True)
    fake_hub.calls.clear()
    with pytest.raises(HubError, match="exists and is public"):
        push(dataset, private=True)
    assert "create_commit" not in fake_hub.names()


def test_revision_commits_to_that_branch_and_tags_the_commit(
    dataset: Path, fake_hub: FakeHub
) -> None:
    push(dataset, revision="release")
    assert fake_hub.call("create_branch")["branch"] == "release"
    assert fake_hub.call("create_commit")["revision"] == "release"
    repo = fake_hub.repos[REPO]
    assert fake_hub.call("create_tag")["revision"] == repo.branches["release"]
    assert layout.MANIFEST not in repo.files_at("main")


def test_create_pr_opens_a_pull_request_and_defers_the_tag(
    dataset: Path, fake_hub: FakeHub
) -> None:
    result = push(dataset, create_pr=True)
    assert result.status == "pull-request"
    assert result.pr_url and result.pr_url.endswith("/discussions/1")
    assert fake_hub.call("create_commit")["create_pr"] is True
    assert "create_tag" not in fake_hub.names()
    assert "merge it, then push again" in result.message


def test_push_after_the_pr_is_merged_tags_it(dataset: Path, fake_hub: FakeHub) -> None:
    push(dataset, create_pr=True)
    repo = fake_hub.repos[REPO]
    repo.branches["main"] = repo.prs[-1]  # the maintainer merges the PR
    result = push(dataset)
    assert result.status == "published"
    assert repo.files_at(TAG)[layout.MANIFEST] == (dataset / layout.MANIFEST).read_bytes()


# --- with the real builder ---------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = pytest.importorskip("lavrov_corpus.build")
    import fake_converter  # the build tests' stand-in converter: the real one may not be in yet

    out = tmp_path_factory.mktemp("seeds") / "out"
    # Validation is the validator's business (tested there); this checks the builder's card and
    # manifest against the push checks (card lint, files vs manifest).
    build.build_dataset(SEEDS, out, jobs=1, converter=fake_converter.convert_bytes, validate=False)
    return out


def test_the_builders_card_and_manifest_pass_the_push_checks(seeds_build: Path) -> None:
    plan = plan_push(seeds_build, REPO)
    manifest = Manifest.model_validate_json((seeds_build / layout.MANIFEST).read_bytes())
    assert [f.path for f in plan.files] == sorted(
        [f.path for f in manifest.files] + [layout.MANIFEST]
    )
    assert plan.tag == f"v{manifest.dataset_version}"
