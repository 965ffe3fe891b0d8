"""Soundness of the held-out sets heldout2..heldout16 (no converter figures are asserted here).

Each set was written by an annotator who never read the converter; the figures it yields are
measured by ``python benchmarks/quality.py`` and ``python benchmarks/meta_quality.py`` (floors for
the sets used in development are in ``test_heldout.py``). These tests keep the sets themselves
sound: every file has its gold, every gold quote occurs in its article between quote marks, every
treaty mention occurs and names a listed treaty, ids and metadata are well formed, and each file
keeps the bytes and layout it was written to exercise (every other file is BOM-less UTF-8, LF).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests/data"
QUOTE_KEYS = {"text", "speaker_id", "is_partial", "in_headline", "is_scare"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
OPENING = "\"'“‘«„"
CLOSING = "\"'”’»“"
_listed = json.loads((ROOT / "lavrov_corpus/data/treaties.json").read_bytes())
TREATY_IDS = {t["treaty_id"] for t in _listed["treaties"]}


@dataclass(frozen=True)
class HeldOutSet:
    """One held-out folder: its size, whether it has gold metadata, and its special files."""

    name: str
    count: int
    has_meta: bool = True
    #: stem -> byte case: "cp1252", "crlf", "utf-16" (LE with BOM) or "bom" (UTF-8 with BOM)
    bytes_: dict[str, str] = field(default_factory=dict)
    #: stem -> layout case: "wrap72" (hard-wrapped body), "lines" (a paragraph a line), "angle"
    layout: dict[str, str] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return DATA / self.name

    def articles(self) -> list[Path]:
        return sorted(self.folder.glob("*.txt"))


SETS = [
    HeldOutSet(
        "heldout2",
        15,
        has_meta=False,
        bytes_={
            "x13_cp1252_npt_revcon": "cp1252",
            "x14_crlf_aa_newstart_offer": "crlf",
            "x15_utf16_tehrantimes_jcpoa": "utf-16",
        },
        layout={
            "x03_xinhua_npt_wangyi": "lines",
            "x04_japantimes_inf_wrapped": "wrap72",
            "x12_swissinfo_angle_marks": "angle",
        },
    ),
    HeldOutSet(
        "heldout3",
        15,
        bytes_={
            "y05_anadolu_ctbt_crlf": "crlf",
            "y07_izvestia_riabkov_cp1252": "cp1252",
            "y08_bloomberg_putin_limits_bom": "bom",
            "y09_lemonde_open_skies_crlf": "crlf",
            "y10_armscontrol_cfe_utf16": "utf-16",
        },
        layout={"y04_scmp_wangyi_wrapped": "wrap72"},
    ),
    HeldOutSet(
        "heldout4",
        12,
        bytes_={
            "z03_asiatimes_inf_asia_cp1252": "cp1252",
            "z05_dailysabah_ctbt_revoke_crlf": "crlf",
            "z06_rt_open_skies_exit_utf16": "utf-16",
        },
        layout={
            "z02_thediplomat_npt_revcon_wrapped": "wrap72",
            "z07_kommersant_cfe_exit_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout5",
        8,
        bytes_={
            "h02_euractiv_cfe_freeze_crlf": "crlf",
            "h03_thenational_resolution2231_cp1252": "cp1252",
        },
        layout={
            "h04_hurriyet_antalya_talks_wrapped": "wrap72",
            "h05_gazeta_inf_moratorium_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout6",
        10,
        bytes_={
            "w01_france24_inf_bangkok_crlf": "crlf",
            "w03_abcnews_asean_wong_lavrov_bom": "bom",
            "w06_straitstimes_start1_expiry_cp1252": "cp1252",
        },
        layout={
            "w02_nhkworld_ctbt_revoke_lines": "lines",
            "w04_meduza_newstart_suspension_angle": "angle",
            "w05_cbc_open_skies_exit_wrapped": "wrap72",
        },
    ),
    HeldOutSet(
        "heldout7",
        8,
        bytes_={
            "v01_kyodo_newstart_expiry_cp1252": "cp1252",
            "v02_yonhap_lavrov_wonsan_crlf": "crlf",
        },
        layout={
            "v03_globaltimes_inf_moratorium_lines": "lines",
            "v04_washingtonpost_open_skies_exit_wrapped": "wrap72",
            "v05_novayagazeta_ctbt_revoke_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout8",
        9,
        bytes_={
            "u01_independent_newstart_suspension_cp1252": "cp1252",
            "u02_timesofisrael_jcpoa_exit_liveblog_crlf": "crlf",
            "u03_koreaherald_lavrov_pyongyang_bom": "bom",
        },
        layout={
            "u04_bernama_lavrov_asean_missiles_lines": "lines",
            "u05_almonitor_iaea_suspension_wrapped": "wrap72",
            "u06_vedomosti_ryabkov_newstart_interview_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout9",
        9,
        bytes_={
            "n01_telegraph_inf_suspension_cp1252": "cp1252",
            "n02_nbcnews_abm_withdrawal_2001_crlf": "crlf",
            "n06_presstv_vienna_jcpoa_talks_bom": "bom",
        },
        layout={
            "n03_thehill_newstart_extension_wrapped": "wrap72",
            "n04_jpost_jcpoa_exit_moscow_lines": "lines",
            "n05_belta_lavrov_minsk_oreshnik_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout10",
        9,
        bytes_={
            "s01_spiegel_inf_end_cp1252": "cp1252",
            "s02_globeandmail_open_skies_exit_crlf": "crlf",
            "s03_asharqalawsat_lavrov_interview_snapback_bom": "bom",
        },
        layout={
            "s04_taipeitimes_inf_moratorium_lines": "lines",
            "s05_jakartapost_lavrov_eas_newstart_wrapped": "wrap72",
            "s06_balkaninsight_lavrov_belgrade_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout11",
        9,
        bytes_={
            "r01_nyt_abm_withdrawal_cp1252": "cp1252",
            "r02_nikkeiasia_newstart_extension_crlf": "crlf",
            "r03_gulfnews_jcpoa_guarantees_bom": "bom",
        },
        layout={
            "r04_bangkokpost_lavrov_rubio_kl_lines": "lines",
            "r05_dailymaverick_lavrov_pretoria_wrapped": "wrap72",
            "r09_mercopress_lavrov_brasilia_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout12",
        9,
        bytes_={
            "t01_latimes_abm_withdrawal_2001_cp1252": "cp1252",
            "t02_wsj_newstart_suspension_crlf": "crlf",
            "t03_axios_inf_suspension_bom": "bom",
        },
        layout={
            "t04_haaretz_jcpoa_exit_netanyahu_moscow_lines": "lines",
            "t05_khaleejtimes_lavrov_abudhabi_wrapped": "wrap72",
            "t09_astanatimes_ctbt_revoke_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout13",
        9,
        bytes_={
            "u01_usatoday_start1_expiry_cp1252": "cp1252",
            "u02_economist_inf_demise_crlf": "crlf",
            "u03_ansa_jcpoa_vienna_bom": "bom",
        },
        layout={
            "u04_efe_lavrov_caracas_newstart_lines": "lines",
            "u05_manilatimes_lavrov_tillerson_arf_wrapped": "wrap72",
            "u06_trend_cfe_moratorium_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout14",
        9,
        bytes_={
            "v01_smh_moscow_treaty_2002_cp1252": "cp1252",
            "v02_baltictimes_cfe_exit_crlf": "crlf",
            "v03_yle_open_skies_exit_bom": "bom",
        },
        layout={
            "v04_thelocal_sweden_nato_accession_lines": "lines",
            "v05_eurasiadailymonitor_newstart_suspension_wrapped": "wrap72",
            "v06_georgiatoday_lavrov_tbilisi_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout15",
        9,
        bytes_={
            "w01_thetimes_start1_expiry_2009_cp1252": "cp1252",
            "w02_rnz_ctbt_deratification_crlf": "crlf",
            "w03_dpa_open_skies_exit_bom": "bom",
        },
        layout={
            "w04_scotsman_abm_withdrawal_2001_lines": "lines",
            "w05_theconversation_newstart_expiry_wrapped": "wrap72",
            "w06_ng_riabkov_inf_moratorium_interview_angle": "angle",
        },
    ),
    HeldOutSet(
        "heldout16",
        9,
        bytes_={
            "x01_bostonglobe_cfe_moratorium_2007_cp1252": "cp1252",
            "x02_torontostar_inf_demise_crlf": "crlf",
            "x03_theage_newstart_suspension_bom": "bom",
        },
        layout={
            "x04_romaniainsider_deveselu_aegis_lines": "lines",
            "x05_hungarytoday_lavrov_szijjarto_wrapped": "wrap72",
            "x06_kazinform_ctbt_deratification_angle": "angle",
        },
    ),
]
ARTICLES = [(s, p) for s in SETS for p in s.articles()]
IDS = [f"{s.name}/{p.stem}" for s, p in ARTICLES]


def _decode(data: bytes) -> str:
    """Decoded text (UTF-16 with BOM, UTF-8 with or without BOM, else Windows-1252), LF endings."""
    if data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
    return text.replace("\r\n", "\n")


def _logical(path: Path) -> str:
    """Paragraphs (blank-line separated), each on one line with white space runs as one space."""
    paras = re.split(r"\n[ \t]*\n", _decode(path.read_bytes()))
    return "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in paras)


def _gold(kind: str, path: Path) -> object:
    return json.loads((path.parent / "gold" / kind / f"{path.stem}.json").read_bytes())


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_set_is_complete(held: HeldOutSet) -> None:
    stems = {p.stem for p in held.articles()}
    assert len(stems) == held.count
    for kind in ("quotes", "treaties", "meta") if held.has_meta else ("quotes", "treaties"):
        assert {p.stem for p in (held.folder / "gold" / kind).glob("*.json")} == stems, kind
    assert set(held.bytes_) | set(held.layout) <= stems
    assert (held.folder / "README.md").is_file()


@pytest.mark.parametrize(("held", "path"), ARTICLES, ids=IDS)
def test_bytes_are_kept(held: HeldOutSet, path: Path) -> None:
    raw = path.read_bytes()
    kind = held.bytes_.get(path.stem)
    if kind == "utf-16":
        assert raw.startswith(b"\xff\xfe") and len(raw) % 2 == 0
        raw[2:].decode("utf-16-le")
        return
    if kind == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert b"\x93" in raw and b"\x94" in raw, "expected Windows-1252 curly double quotes"
    else:
        raw.decode("utf-8")
        assert raw.startswith(b"\xef\xbb\xbf") == (kind == "bom")
    if kind == "crlf":
        assert raw.count(b"\r\n") == raw.count(b"\n") > 10
    else:
        assert b"\r\n" not in raw


@pytest.mark.parametrize(
    ("held", "path"),
    [(s, p) for s, p in ARTICLES if p.stem in s.layout],
    ids=[i for i, (s, p) in zip(IDS, ARTICLES, strict=True) if p.stem in s.layout],
)
def test_layout_is_kept(held: HeldOutSet, path: Path) -> None:
    text = _decode(path.read_bytes())
    kind = held.layout[path.stem]
    if kind == "lines":
        assert "\n\n" not in text.strip("\n") and text.count("\n") > 10
    elif kind == "angle":
        assert "«" in text and "»" in text
    else:  # wrap72: paragraphs of several lines, mostly filled to 61-72 columns
        wrapped = [b for b in text.split("\n\n") if b.count("\n") >= 2]
        lengths = [len(line) for b in wrapped for line in b.splitlines()]
        filled = sum(60 < n <= 72 for n in lengths)
        assert filled >= 8 and filled > 4 * sum(n > 72 for n in lengths)


@pytest.mark.parametrize(("held", "path"), ARTICLES, ids=IDS)
def test_gold_quotes_are_well_formed_and_occur_between_marks(held: HeldOutSet, path: Path) -> None:
    gold = _gold("quotes", path)
    assert isinstance(gold, list) and gold
    text = _logical(path)
    for row in gold:
        assert set(row) == QUOTE_KEYS
        assert all(isinstance(row[f], bool) for f in QUOTE_KEYS - {"text", "speaker_id"})
        assert row["speaker_id"] is None or SLUG.match(row["speaker_id"]), row
        assert not (row["is_scare"] and (row["is_partial"] or row["speaker_id"])), row
        assert row["text"] and row["text"] == row["text"].strip()
    for span, need in Counter(row["text"] for row in gold).items():
        hits = 0
        for m in re.finditer(re.escape(span), text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end() : m.end() + 1]
            # a paragraph of a multi-paragraph quote, or an unclosed quote, ends at a break
            hits += before in OPENING and after in CLOSING + "\n"
        assert hits >= need, span


@pytest.mark.parametrize(("held", "path"), ARTICLES, ids=IDS)
def test_gold_treaties_name_listed_treaties_and_occur(held: HeldOutSet, path: Path) -> None:
    gold = _gold("treaties", path)
    assert isinstance(gold, list)
    text = _logical(path)
    for row in gold:
        assert set(row) == {"text", "treaty_id"} and row["treaty_id"] in TREATY_IDS, row
        assert not row["text"].lower().startswith("the "), row
    for span, need in Counter(row["text"] for row in gold).items():
        found = len(re.findall(r"(?<![\w-])" + re.escape(span) + r"(?![\w-])", text))
        assert found >= need, span


@pytest.mark.parametrize(
    ("held", "path"),
    [(s, p) for s, p in ARTICLES if s.has_meta],
    ids=[i for i, (s, _) in zip(IDS, ARTICLES, strict=True) if s.has_meta],
)
def test_gold_meta_is_well_formed_and_printed(held: HeldOutSet, path: Path) -> None:
    meta = _gold("meta", path)
    assert isinstance(meta, dict) and set(meta) == {"title", "published", "outlet"}
    assert meta["title"] and meta["title"] in _logical(path)
    assert meta["published"] is None or DATE.match(meta["published"])


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_set_covers_the_hard_cases(held: HeldOutSet) -> None:
    rows = [r for p in held.articles() for r in _gold("quotes", p)]  # type: ignore[attr-defined]
    assert sum(r["in_headline"] for r in rows) >= 1
    assert sum(r["is_scare"] for r in rows) >= 1
    assert sum(r["is_partial"] for r in rows) >= 5
    assert sum(r["speaker_id"] is None for r in rows) >= 2
    mentions = [m for p in held.articles() for m in _gold("treaties", p)]  # type: ignore[attr-defined]
    assert len({m["treaty_id"] for m in mentions}) >= 4
