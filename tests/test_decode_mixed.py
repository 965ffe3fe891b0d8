"""A UTF-8 file with a line pasted in a legacy code page: read as UTF-8 with those bytes read one
by one in the legacy encoding (never the whole file in a code page), offsets still exact."""

from __future__ import annotations

from pathlib import Path

from lavrov_corpus.build import build_dataset
from lavrov_corpus.extract import Conversion, convert_bytes
from lavrov_corpus.extract.decode import decode, decode_span
from lavrov_corpus.validate import validate_dataset

BODY = (
    "Lavrov says the treaty is dead\n\n"
    "Foreign Minister Sergey Lavrov said on Monday that the treaty was \u201cdead and "
    "buried\u201d and that Moscow would \u201crespond in kind\u201d to any deployment.\n\n"
).encode("utf-8")
PASTED = (
    "\u041b\u0430\u0432\u0440\u043e\u0432: \u00ab\u0414\u043e\u0433\u043e\u0432\u043e\u0440 "
    "\u043c\u0451\u0440\u0442\u0432\u00bb."
).encode("cp1251")
TAIL = "The ministry said talks could resume \u201conly on equal terms.\u201d\n".encode("utf-8")


def test_a_pasted_legacy_line_is_read_in_its_code_page_and_the_rest_as_utf8() -> None:
    data = BODY + PASTED + b"\n\n" + TAIL
    out = convert_bytes(data, source_path="mixed.txt")
    assert isinstance(out, Conversion)
    assert out.encoding == "utf-8+cp1251" and 0.9 < out.encoding_confidence < 1.0
    text = out.article.text
    assert "\u041b\u0430\u0432\u0440\u043e\u0432" in text and "\u201cdead and buried\u201d" in text
    assert [q.text for q in out.quotes] == [
        "dead and buried",
        "respond in kind",
        "\u0414\u043e\u0433\u043e\u0432\u043e\u0440 \u043c\u0451\u0440\u0442\u0432",
        "only on equal terms.",
    ]
    # every quote and segment reads back from its bytes in the recorded encoding
    for q in out.quotes:
        raw = data[q.source_byte_start : q.source_byte_end]
        assert decode_span(raw, out.encoding) == q.text
    for seg in out.article.source_map:
        raw = data[seg.byte_start : seg.byte_end]
        assert decode_span(raw, out.encoding) == text[seg.text_start : seg.text_end]


def test_a_whole_legacy_file_is_still_read_in_its_code_page() -> None:
    data = BODY.decode("utf-8").encode("cp1252")
    got = decode(data)
    assert got.encoding == "cp1252" and "\u201cdead and buried\u201d" in got.text


def test_a_mixed_file_builds_and_validates_against_its_source(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "mixed.txt").write_bytes(BODY + PASTED + b"\n\n" + TAIL)
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=tmp_path / "cache")
    assert validate_dataset(tmp_path / "out", sources=src).valid
