"""Bytes -> text: BOM sniffing, strict UTF-8 first, then a real charset detector.

Order of attempts:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); confidence 1.0. The BOM is not
   part of the text; offsets into the text map to bytes after it.
2. No BOM: NUL bytes mean binary (UTF-16/32 without a BOM is not guessed).
3. Strict UTF-8 (ASCII included); confidence 1.0.
3b. Mostly UTF-8: the file holds valid multi-byte UTF-8 characters, at least as many as runs of
   bytes that are not UTF-8 (a pasted line in a legacy code page). Each byte that is not UTF-8
   is read on its own in the legacy encoding that makes those runs most plausible (the same
   ranking as step 4), so one byte is one character and offsets still map to bytes. The
   encoding is recorded as ``utf-8+<legacy>`` (:func:`decode_span` reads it back), the
   confidence is the share of the file's bytes that were UTF-8. A whole file is never read in
   a legacy code page when it is mostly UTF-8 (that turned every curly quote into mojibake).
4. ``charset-normalizer`` restricted to the legacy encodings news text is found in
   (:data:`LEGACY_ENCODINGS`). Its candidates whose "chaos" (mess ratio) is within
   :data:`_CHAOS_SLACK` of the best one, plus cp1252 and cp1251 when they decode the bytes,
   are ranked by the number of implausible words (mixing Latin and Cyrillic letters, as a wrong
   code page turns "café" into "cafй", or mostly accented Latin letters, as Cyrillic read as
   cp1252 gives "Ìèíèñòð"), then by :data:`LEGACY_ENCODINGS` order (cp1252 and cp1250 decode
   plain English identically; cp1252 is far more likely). Confidence is ``1 - chaos`` of the
   chosen candidate (of the best candidate when the detector did not list it).

After decoding, text with too many C0 control characters (other than tab, LF, CR, FF) is
rejected as binary, and a line longer than :data:`MAX_LINE_CHARS` is rejected.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..models import RejectReason

#: One line (between line breaks) longer than this is rejected: no article has one, and the
#: quote scanner should never run on a megabyte without a break.
MAX_LINE_CHARS = 1_000_000

#: Share of C0 control characters (besides \t \n \r \f) above which text is treated as binary.
MAX_CONTROL_SHARE = 0.01

#: Legacy encodings tried by the detector, most common first (the tie-break order).
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "koi8_r",
    "iso8859_2",
    "iso8859_5",
    "cp866",
    "mac_cyrillic",
    "mac_roman",
)
_CHAOS_SLACK = 0.02

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text of a file and how to map its offsets back to bytes."""

    text: str
    encoding: str  #: codec name (or ``utf-8+<legacy>``) that reads any segment's bytes back
    confidence: float
    bom_length: int  #: bytes of BOM before the text
    #: ``text`` with each byte that was not UTF-8 kept as a surrogate escape (one code point per
    #: byte, the same length as ``text``): what byte offsets are counted on. None: ``text``.
    byte_text: str | None = None


@dataclass(frozen=True, slots=True)
class DecodeFailure:
    """Why bytes could not be turned into article text."""

    reason: RejectReason
    detail: str
    encoding: str | None = None
    confidence: float | None = None


def decode(data: bytes) -> Decoded | DecodeFailure:
    """Decode raw file bytes, or say why they are not text."""
    if not data:
        return DecodeFailure(RejectReason.EMPTY, "The file is empty (0 bytes).")
    result = _decode_bom(data)
    if result is None:
        if b"\x00" in data:
            return DecodeFailure(
                RejectReason.BINARY,
                "The file contains NUL bytes and no byte-order mark: it is binary, not text.",
            )
        result = _decode_plain(data)
    if isinstance(result, DecodeFailure):
        return result
    return _check_text(result)


def _decode_bom(data: bytes) -> Decoded | DecodeFailure | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                return DecodeFailure(
                    RejectReason.UNDECODABLE,
                    f"The file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} at byte {exc.start + len(bom)}.",
                    encoding,
                    None,
                )
            return Decoded(text, encoding, 1.0, len(bom))
    return None


def _decode_plain(data: bytes) -> Decoded | DecodeFailure:
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0, 0)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    import charset_normalizer  # imported lazily: only legacy files need it

    results = list(charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not results:
        return DecodeFailure(
            RejectReason.UNDECODABLE,
            "The file is not UTF-8 and no legacy encoding decodes it to plausible text.",
        )
    best_chaos = min(r.chaos for r in results)
    chaos = {r.encoding: r.chaos for r in results if r.chaos <= best_chaos + _CHAOS_SLACK}
    decodings: dict[str, str] = {}
    for enc in (*chaos, "cp1252", "cp1251"):
        if enc not in decodings:
            try:
                decodings[enc] = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
    if not decodings:
        return DecodeFailure(
            RejectReason.UNDECODABLE,
            "The file is not UTF-8 and no legacy encoding decodes it to plausible text.",
        )
    order = {e: i for i, e in enumerate(LEGACY_ENCODINGS)}
    chosen = min(
        decodings,
        key=lambda e: (_mixed_script_words(decodings[e]), order.get(e, len(order))),
    )
    confidence = round(max(0.0, 1.0 - chaos.get(chosen, best_chaos)), 4)
    return Decoded(decodings[chosen], chosen, confidence, 0)


_ESCAPED = re.compile(r"[\udc80-\udcff]+")
_MIXED_SEPARATOR = "+"


def _mostly_utf8(data: bytes) -> Decoded | None:
    """Step 3b of the module doc: UTF-8 with a few runs of legacy bytes, or None."""
    escaped = data.decode("utf-8", "surrogateescape")
    runs = _ESCAPED.findall(escaped)
    bad = sum(len(r) for r in runs)
    multibyte = sum(1 for ch in escaped if ord(ch) > 0x7F) - bad
    if multibyte < 2 or multibyte < len(runs):
        return None
    raw = b" ".join(r.encode("utf-8", "surrogateescape") for r in runs)
    order = {e: i for i, e in enumerate(LEGACY_ENCODINGS)}
    legacy = min(
        LEGACY_ENCODINGS,
        key=lambda e: (_mixed_script_words(raw.decode(e, "replace")), order[e]),
    )
    text = _ESCAPED.sub(lambda m: _legacy(m.group(), legacy), escaped)
    confidence = round(1.0 - bad / len(data), 4)
    return Decoded(text, f"utf-8{_MIXED_SEPARATOR}{legacy}", confidence, 0, escaped)


def _legacy(escaped: str, encoding: str) -> str:
    """Escaped bytes read one by one in a single-byte ``encoding`` (U+FFFD where it has no
    character): one code point per byte."""
    return "".join(bytes([ord(ch) - 0xDC00]).decode(encoding, "replace") for ch in escaped)


def decode_span(data: bytes, encoding: str) -> str:
    """Bytes of a source read back in an article's recorded encoding, ``utf-8+<legacy>``
    included (raises UnicodeDecodeError or LookupError as ``bytes.decode`` does)."""
    if _MIXED_SEPARATOR not in encoding:
        return data.decode(encoding)
    base, legacy = encoding.split(_MIXED_SEPARATOR, 1)
    codecs.lookup(legacy)
    escaped = data.decode(base, "surrogateescape")
    return _ESCAPED.sub(lambda m: _legacy(m.group(), legacy), escaped)


_MIXED = re.compile(r"[^\W\d_]*(?:[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z])[^\W\d_]*")


_ACCENTED_WORD = re.compile(r"[^\W\d_]{3,}")
_ACCENTED = re.compile(r"[\u00c0-\u00ff]")
#: A capital after a small letter inside a Cyrillic word: KOI8-R read as cp1251 ("нЙОЙУФТ").
_CYRILLIC_CAMEL = re.compile(r"[\u0430-\u044f][\u0410-\u042f]")


def _mixed_script_words(text: str) -> int:
    """Implausible words, the sign of a wrong single-byte code page: words mixing Latin and
    Cyrillic letters ("cafй"), and words mostly made of accented Latin letters ("Ìèíèñòð")."""
    accented = sum(
        1 for w in _ACCENTED_WORD.findall(text) if len(_ACCENTED.findall(w)) * 2 > len(w)
    )
    return len(_MIXED.findall(text)) + accented + len(_CYRILLIC_CAMEL.findall(text))


# The characters of _CONTROL as bytes: each is one byte in UTF-8, and no other character's UTF-8
# form contains these bytes, so counting them in the encoded text counts the characters.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def control_count(text: str) -> int:
    """``len(_CONTROL.findall(text))``, counted on the UTF-8 bytes in C."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _CONTROL_BYTES))


def _check_text(decoded: Decoded) -> Decoded | DecodeFailure:
    text = decoded.text
    enc, conf = decoded.encoding, decoded.confidence
    if "\x00" in text:
        return DecodeFailure(
            RejectReason.BINARY, "The decoded text contains NUL characters.", enc, conf
        )
    controls = control_count(text)
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        return DecodeFailure(
            RejectReason.BINARY,
            f"{controls} of {len(text)} characters are control characters: this is not text.",
            enc,
            conf,
        )
    if len(text) > MAX_LINE_CHARS:
        start = 0
        for m in _LINE_BREAK.finditer(text):
            if m.start() - start > MAX_LINE_CHARS:
                break
            start = m.end()
        else:
            if len(text) - start <= MAX_LINE_CHARS:
                return decoded
        return DecodeFailure(
            RejectReason.LINE_TOO_LONG,
            f"A line is longer than {MAX_LINE_CHARS:,} characters; articles never have one.",
            enc,
            conf,
        )
    return decoded
