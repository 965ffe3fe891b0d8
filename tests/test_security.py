"""Security: data is never executed or turned into objects, no path escapes its root, no tokens.

* The package source is checked with the ``ast`` module (not grep, so comments and docstrings
  that *mention* pickle do not count): no pickle/marshal/shelve, no eval/exec, no shell commands,
  YAML only through a SafeLoader. A self-test shows the checker finds each of these.
* Sidecars and articles carrying YAML, TOML, pickle and template payloads build no objects and
  run nothing: a payload that would create a marker file leaves no marker.
* Symbolic links and sidecar paths never reach outside the input folder.
* An access token in the environment never appears in the output of a failing ``--debug`` build,
  nor in any file of a built dataset.
"""

from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from lavrov_corpus.build import build_dataset
from lavrov_corpus.layout import table_path
from lavrov_corpus.parquet_io import read_arrow

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lavrov_corpus"

ARTICLE = (
    "Lavrov warns Washington over the INF Treaty\n\n"
    "Russian Foreign Minister Sergey Lavrov said on Tuesday that the treaty was in danger.\n\n"
    "“We will respond to any deployment of missiles in Europe,” Lavrov told reporters.\n"
)

_FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle"}
_FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "os.system",
    "os.popen",
    "yaml.unsafe_load",
    "yaml.full_load",
    "yaml.unsafe_load_all",
    "yaml.full_load_all",
}
_SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _safe_loader_classes(tree: ast.Module) -> set[str]:
    """Classes of the module derived (directly or through each other) from a safe YAML loader."""
    safe = set(_SAFE_LOADERS)
    changed = True
    while changed:
        changed = False
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ClassDef)
                and node.name not in safe
                and any(_dotted(b).rsplit(".", 1)[-1] in safe for b in node.bases)
            ):
                safe.add(node.name)
                changed = True
    return safe


def unsafe_uses(source: str, filename: str = "<src>") -> list[str]:
    """Every unsafe construct of ``source``, as 'file:line: what'."""
    tree = ast.parse(source, filename)
    safe = _safe_loader_classes(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [
                f"{where}: import {a.name}"
                for a in node.names
                if a.name.split(".")[0] in _FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in _FORBIDDEN_MODULES:
                found.append(f"{where}: from {node.module} import")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            kwargs = {k.arg: k.value for k in node.keywords}
            if name in _FORBIDDEN_CALLS or name == "__import__":
                found.append(f"{where}: {name}()")
            if name.startswith(("subprocess.", "asyncio.create_subprocess")) or name in (
                "Popen",
                "run",
                "call",
                "check_call",
                "check_output",
            ):
                shell = kwargs.get("shell")
                if shell is not None and not (isinstance(shell, ast.Constant) and not shell.value):
                    found.append(f"{where}: {name}(shell=...)")
            if name in ("yaml.load", "yaml.load_all"):
                loader = kwargs.get("Loader") or (node.args[1] if len(node.args) > 1 else None)
                if loader is None or _dotted(loader).rsplit(".", 1)[-1] not in safe:
                    found.append(f"{where}: {name}() without a safe Loader")
    return found


def test_the_checker_finds_each_unsafe_construct() -> None:
    bad = """
import pickle
from marshal import loads
import yaml, subprocess, os
class L(yaml.Loader): ...
yaml.load(s)
yaml.load(s, Loader=L)
yaml.load(s, yaml.FullLoader)
yaml.unsafe_load(s)
eval(x); exec(x); __import__(x); os.system(x)
subprocess.run(x, shell=True)
subprocess.Popen(x, shell=flag)
"""
    found = unsafe_uses(bad)
    assert len(found) == 12, found
    good = """
import yaml, subprocess
class U(yaml.SafeLoader): ...
class V(U): ...
yaml.load(s, Loader=V); yaml.load(s, Loader=yaml.SafeLoader); yaml.safe_load(s)
subprocess.run(["git", "status"], shell=False)
# pickle.loads(x) in a comment, and 'eval(' in a string
"""
    assert unsafe_uses(good) == []


def test_package_source_has_no_unsafe_construct() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    found = [u for f in files for u in unsafe_uses(f.read_text(encoding="utf-8"), str(f))]
    assert found == []


def test_cardlint_yaml_loader_is_really_safe() -> None:
    """The card's YAML front matter is read with a SafeLoader subclass: tags build nothing."""
    import yaml

    from lavrov_corpus import cardlint

    loaders = [
        v
        for v in vars(cardlint).values()
        if isinstance(v, type) and issubclass(v, yaml.constructor.BaseConstructor)
    ]
    assert loaders
    for loader in loaders:
        assert issubclass(loader, yaml.SafeLoader)
        with pytest.raises(yaml.YAMLError):
            yaml.load("x: !!python/object/apply:os.getcwd []", Loader=loader)


def _build(src: Path, out: Path) -> dict[str, dict[str, object]]:
    build_dataset(src, out, jobs=1, cache_dir=None)
    return {r["path"]: r for r in read_arrow(table_path(out, "provenance")).to_pylist()}


def test_payloads_in_sidecars_and_files_build_nothing_and_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    cmd = f"touch {marker}"
    src = tmp_path / "in"
    src.mkdir()
    cases = {
        # a YAML object tag where TOML is expected: a syntax error, never a YAML parse
        "yaml-tag": f'!!python/object/apply:os.system ["{cmd}"]\n',
        "yaml-in-string": f'[[article]]\nfile = "a.txt"\nnotes = """\n!!python/object/apply:'
        f'os.system ["{cmd}"]\n"""\n',
        # tables and arrays where strings are expected: validation errors, no objects
        "table-as-title": '[[article]]\nfile = "a.txt"\ntitle = {__class__ = "os.system"}\n',
        "array-as-outlet": '[[article]]\nfile = "a.txt"\noutlet = ["__import__", "os"]\n',
        "dunder-key": '[[article]]\nfile = "a.txt"\n__class__ = "Path"\n',
        # nesting deep enough to exhaust Python's recursion limit in a recursive parser
        "deep-nesting": "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "deep-tables": "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    }
    for name, toml in cases.items():
        (src / name).mkdir()
        (src / name / "a.txt").write_text(ARTICLE.replace("Tuesday", name))
        (src / name / "metadata.toml").write_text(toml)
    # YAML and pickle files next to the articles: not read at all
    (src / "metadata.yaml").write_text(f'!!python/object/apply:os.system ["{cmd}"]\n')

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (cmd,))

    blob = pickle.dumps(Payload())
    (src / "cache.pkl").write_bytes(blob)
    (src / "pickle.txt").write_bytes(blob)
    # Text that would run or expand in a template engine or a shell stays text.
    code = (
        "Lavrov and the code\n\nHe wrote __import__('os').system('" + cmd + "') and "
        "{{ 7*7 }} and ${HOME} and $(" + cmd + ") in a “quoted” line.\n"
    )
    (src / "code.txt").write_text(code)

    out = tmp_path / "out"
    rows = _build(src, out)
    assert not marker.exists()
    # A YAML tag inside a TOML string is just text: the sidecar applies, the notes keep it.
    notes = {
        a["source_path"]: a["notes"] for a in read_arrow(table_path(out, "articles")).to_pylist()
    }
    assert rows["yaml-in-string/metadata.toml"]["status"] == "accepted"
    assert "!!python/object/apply:os.system" in str(notes["yaml-in-string/a.txt"])
    for name in set(cases) - {"yaml-in-string"}:
        row = rows[f"{name}/metadata.toml"]
        assert (row["status"], row["reason"]) == ("rejected", "sidecar-invalid"), name
        assert rows[f"{name}/a.txt"]["status"] == "accepted"
        assert rows[f"{name}/a.txt"]["sidecar_path"] is None
    assert rows["metadata.yaml"]["reason"] == "unsupported-type"
    assert rows["cache.pkl"]["reason"] == "unsupported-type"
    assert rows["pickle.txt"]["status"] == "rejected"
    articles = read_arrow(table_path(out, "articles")).to_pylist()
    text = next(a["text"] for a in articles if a["source_path"] == "code.txt")
    assert "{{ 7*7 }} and ${HOME} and $(" in text and "49" not in text
    # nor in the card (which prints figures such as 0.949: look for the rendered phrase)
    assert not any(
        "and 49 and" in p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.md")
    )


def test_no_path_escapes_the_input_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE.replace("danger", "SECRET-7c1e"))
    real = tmp_path / "real-in"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text(ARTICLE)
    (real / "passwd.txt").symlink_to("/etc/passwd")
    (real / "relative-up.txt").symlink_to("../secret.txt")
    (real / "hop1.txt").symlink_to("sub/hop2.txt")  # inside -> inside -> outside
    (real / "sub" / "hop2.txt").symlink_to(secret)
    (real / "sub" / "b.txt").write_text(ARTICLE.replace("Tuesday", "Wednesday"))
    (real / "to-sub-file.txt").symlink_to("sub/b.txt")
    (real / "sub" / "metadata.toml").write_text(
        '[[article]]\nfile = "../secret.txt"\n[[article]]\nfile = "b.txt"\n'
    )
    # The input folder itself given through a link: links inside it are still inside.
    linked = tmp_path / "linked-in"
    linked.symlink_to(real)
    out = tmp_path / "out"
    rows = _build(linked, out)
    for rel in ("passwd.txt", "relative-up.txt", "hop1.txt", "sub/hop2.txt"):
        assert (rows[rel]["reason"], rows[rel]["sha256"]) == ("symlink-outside-input", None), rel
    assert rows["sub/metadata.toml"]["reason"] == "sidecar-invalid"
    assert rows["a.txt"]["status"] == "accepted"
    assert rows["sub/b.txt"]["status"] == "accepted"
    assert rows["to-sub-file.txt"]["reason"] == "duplicate-bytes"
    dumped = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"SECRET-7c1e" not in dumped
    assert b"root:x:0:0" not in dumped
    for row in rows.values():
        assert not str(row["path"]).startswith(("/", "../")) and "/../" not in str(row["path"])


TOKEN = "hf_SecretTestToken1234567890abcdefXYZ"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_TOKEN": TOKEN,
        "HUGGING_FACE_HUB_TOKEN": TOKEN,
    }
    return subprocess.run(
        [sys.executable, "-m", "lavrov_corpus", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT.parent,
        env=env,
    )


def test_tokens_never_appear_in_output_of_failing_or_good_builds(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    (src / "bad.txt").write_bytes(b"\x00junk")
    (src / "metadata.toml").write_text("[[article]\n")
    failing = [
        _cli("--debug", "build", str(src), "--out", str(src / "out")),  # out inside input
        _cli("--debug", "build", str(tmp_path / "missing"), "--out", str(tmp_path / "o1")),
        _cli("build", str(src), "--out", str(src / "out")),
    ]
    for proc in failing:
        assert proc.returncode != 0
        assert TOKEN not in proc.stdout + proc.stderr
    assert "Traceback" in failing[0].stderr  # --debug shows the traceback, still no token
    good = _cli(
        "--debug", "build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "--strict"
    )
    assert good.returncode == 1  # two rejections under --strict
    assert TOKEN not in good.stdout + good.stderr
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
