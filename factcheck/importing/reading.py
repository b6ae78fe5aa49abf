"""Turning a .txt/.md file or pasted text into an `ArticleInput`.

Nothing here touches the database: the store decides what to write. What this module guarantees is
that whatever it hands over is real text, correctly decoded, with the body kept byte-for-byte as the
author wrote it (claim offsets downstream index into it), and that every bad input becomes an
`IngestError` whose message says what is wrong and what to do, never a traceback.
"""

from __future__ import annotations

import datetime
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser
from dateutil import tz

from factcheck.analysis.language import detect_language
from factcheck.analysis.languages import UnsupportedLanguageError, es, normalise_language
from factcheck.analysis.languages.dateutil_names import merged, month_names, weekday_names
from factcheck.errors import IngestError
from factcheck.urls import WebAddressError, normalise_web_address

__all__ = ["ArticleInput", "IngestError", "MAX_BYTES", "SUPPORTED_SUFFIXES", "read_file", "is_supported",
           "from_text", "parse_published", "detect_language"]

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
# Saved web pages, read by factcheck.importing.web_page (loaded only when a page is imported).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".mhtml", ".mht")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
# A saved page carries its markup, styles and, in a web archive, its images: more than the text.
MAX_PAGE_BYTES = 20 * 1024 * 1024
TITLE_MAX_CHARS = 120
# A title, outlet or author longer than this is not metadata (a body pasted into the header, say).
FIELD_MAX_CHARS = 1000
# Characters that show nothing: a text of only these (and spaces) has nothing to review.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_FIELD_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

DateValue = datetime.date | datetime.datetime


@dataclass
class ArticleInput:
    """One article ready to be stored; `body` is the text after the front matter, untouched."""

    body: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: DateValue | None = None
    language: str = "en"
    origin: str = "pasted"
    # ClaimReviews a web page published (factcheck.importing.claim_review.PastVerdict), stored
    # as reviewed claims of the article.
    past_verdicts: tuple = ()


# Signatures of formats people drop on the importer by mistake; checked before any decoding so a
# PDF is called a PDF-like binary rather than "undecodable text".
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0",
    b"\x1f\x8b", b"SQLite format 3\x00", b"\x7fELF", b"Rar!", b"7z\xbc\xaf",
)
_SNIFF_BYTES = 8192
# Characters that cp1252/latin-1 English or Spanish text plausibly contains beyond ASCII.
_WESTERN_CHARS = frozenset(
    "áéíóúüñÁÉÍÓÚÜÑ¿¡àèìòùâêîôûäëïöçÀÈÌÒÙÂÊÎÔÛÄËÏÖÇ“”‘’„‚–—…«»°€£§©®·•ºª×\xa0"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIELD_LINE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
_HEADER_KEYS = {"title": "title", "outlet": "outlet", "url": "url", "author": "author",
                "published": "published", "date": "published", "language": "language"}
_UTC_NAMES = {"Z": tz.UTC, "UTC": tz.UTC, "GMT": tz.UTC}  # else dateutil may say "local time"
_BINARY_HINT = "binary file, not text; import .txt or .md files, or web pages saved as .html"


class _DateInfo(date_parser.parserinfo):
    """dateutil's English vocabulary plus Spanish month and day names ("3 de mayo de 2025")."""

    JUMP = date_parser.parserinfo.JUMP + list(es.DATE_LINKS)
    MONTHS = merged(date_parser.parserinfo.MONTHS, month_names(es))
    # Without the Spanish weekday abbreviations: "mar" would be read as martes, not marzo.
    WEEKDAYS = merged(date_parser.parserinfo.WEEKDAYS, weekday_names(es, abbreviations=False))


def is_supported(name: str) -> bool:
    """Whether a file's name ends in a suffix the importer reads (".html.gz" is one suffix)."""
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def displayable(name: str) -> str:
    """A file name as text: the bytes of a name that is not valid UTF-8 (kept by Python as lone
    surrogates, which no database or terminal takes) shown as the replacement character."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse_published(value: str) -> DateValue:
    """Parse a publication date; a date alone gives `date`, a date with a time gives `datetime`.

    Parsing twice with two different defaults reveals which parts the value really contained, so a
    missing year or day is refused instead of being silently filled in with today's.
    """
    kwargs = {"parserinfo": _DateInfo(), "tzinfos": _UTC_NAMES}
    try:
        with warnings.catch_warnings():  # an unknown zone name ("EST") just stays naive
            warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
            low = date_parser.parse(value, default=datetime.datetime(2000, 1, 1, 0, 0, 0), **kwargs)
            high = date_parser.parse(value, default=datetime.datetime(2004, 2, 2, 1, 1, 1), **kwargs)
    except (ValueError, OverflowError, TypeError) as exc:
        raise IngestError(
            f"published date {value!r} is not a date; write it like 2025-05-03 or 3 May 2025") from exc
    if low.year != high.year or low.month != high.month or low.day != high.day:
        raise IngestError(
            f"published date {value!r} is incomplete; give day, month and year, like 2025-05-03")
    if not 1000 <= low.year <= 2999:
        raise IngestError(f"published date {value!r} is not a plausible publication date; "
                          "give a year between 1000 and 2999")
    return low if low.hour == high.hour else low.date()


def read_file(path: str | os.PathLike[str], *, title: str | None = None, outlet: str | None = None,
              url: str | None = None, author: str | None = None,
              published: str | DateValue | None = None, language: str | None = None) -> ArticleInput:
    """Read one article file, checking type, size and encoding before trusting its content."""
    raw = os.fspath(path)
    origin = displayable(raw)
    name = f"'{origin}'"
    p = Path(raw)
    try:
        if not p.exists():
            if p.is_symlink():
                raise IngestError(f"{name} is a symbolic link to something that does not exist, or to itself "
                                  "in a loop; import the file it should point to")
            raise IngestError(f"{name} does not exist; check the path and file name")
        if p.is_dir():
            raise IngestError(f"{name} is a folder; pass the files inside it")
        if not p.is_file():  # a pipe or a device would be read forever
            raise IngestError(f"{name} is a device or a pipe, not a file; save the article as a .txt or .md file")
        if not is_supported(p.name):
            raise IngestError(f"{name}: unsupported file type {p.suffix or '(no suffix)'!r}; import a text file "
                              f"or a saved web page ending in {', '.join(SUPPORTED_SUFFIXES)} "
                              "(save or export it as plain text)")
        page = p.name.lower().endswith(PAGE_SUFFIXES)
        limit = MAX_PAGE_BYTES if page else MAX_BYTES
        size = p.stat().st_size
        if size > limit:
            raise IngestError(f"{name} is too large ({_mb(size)}; the limit is {_mb(limit)}); "
                              "split it or import only the article text")
        if size == 0:
            raise IngestError(f"{name} is empty; it has no article text to import")
        with p.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat()
    except PermissionError as exc:
        raise IngestError(f"{name} cannot be read (permission denied); "
                          "check the file's permissions or copy it somewhere readable") from exc
    except OSError as exc:
        raise IngestError(f"{name} could not be read ({exc.strerror or exc}); "
                          "check the file and try again") from exc
    if len(data) > limit:
        raise IngestError(f"{name} is too large (over {_mb(limit)}, the limit); "
                          "split it or import only the article text")
    overrides: dict[str, Any] = {"title": title, "outlet": outlet, "url": url, "author": author,
                                 "published": published, "language": language}
    if page:
        from factcheck.importing import web_page  # the extractor loads slowly: only for pages

        html, saved_from = web_page.page_html(data, p.name, name, limit)
        found = web_page.read_page(html if isinstance(html, str) else _decode(html, name), name, saved_from)
        article = from_fields(found.fields, found.body, origin, **overrides)
        article.past_verdicts = found.past_verdicts
        return article
    text = _decode(data, name)
    if not _visible(text):
        raise IngestError(f"{name} is empty (only whitespace); it has no article text to import")
    return from_text(text, origin=origin, **overrides)


def from_text(text: str, origin: str = "pasted", *, title: str | None = None,
              outlet: str | None = None, url: str | None = None, author: str | None = None,
              published: str | DateValue | None = None, language: str | None = None) -> ArticleInput:
    """Split off the front matter, merge overrides over it, and fill the gaps (title, language).

    A non-empty override beats the header; `language="auto"` counts as no override, so a header
    that names the language still wins over detection.
    """
    name = "the pasted text" if origin == "pasted" else f"'{origin}'"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _visible(text):
        raise IngestError(f"{name} is empty (nothing but spaces or invisible characters); "
                          "paste or import the article text")
    if any("\ud800" <= c <= "\udfff" for c in text):
        raise IngestError(f"{name} contains characters that are not text (lone surrogates); "
                          "save it again as UTF-8 and import that")
    if "\x00" in text:
        raise IngestError(f"{name} contains NUL characters, which text never holds; "
                          "it is probably a binary file: import .txt or .md")
    header, body = _split_front_matter(text)
    if header is None:
        raise IngestError(f"{name} starts a header with '---' but never closes it; add a '---' line after the "
                          "header, before the article text")
    if not _visible(body):
        raise IngestError(f"{name} has a header but no article text after it; "
                          "add the article below the closing '---' line")
    return from_fields(header, body, origin, title=title, outlet=outlet, url=url, author=author,
                       published=published, language=language)


def from_fields(header: dict[str, str], body: str, origin: str, *, title: str | None = None,
                outlet: str | None = None, url: str | None = None, author: str | None = None,
                published: str | DateValue | None = None, language: str | None = None) -> ArticleInput:
    """An article from its body and the metadata it came with (a front matter, a page's own),
    the overrides given beating that metadata."""
    name = "the pasted text" if origin == "pasted" else f"'{origin}'"
    typed = {"title": title, "outlet": outlet, "author": author}
    for key, value in typed.items():
        if value and _FIELD_CONTROL.search(value):
            raise IngestError(f"the {key} may not contain control characters (escape codes, line breaks); "
                              "type it as plain text")

    def pick(key: str, override: str | None) -> str:
        chosen = override.strip() if override and override.strip() else header.get(key, "")
        # A header line cannot hold a line break, and an escape code in a title would drive the
        # terminal that lists it: metadata keeps printable characters only.
        chosen = _FIELD_CONTROL.sub("", chosen).strip()
        if len(chosen) > FIELD_MAX_CHARS:
            raise IngestError(f"{name}: the {key} is {len(chosen):,} characters long (at most "
                              f"{FIELD_MAX_CHARS:,}); shorten it")
        return chosen

    article = ArticleInput(body=body, origin=origin, title=pick("title", title),
                           outlet=pick("outlet", outlet), author=pick("author", author))
    wanted_url = url.strip() if url and url.strip() else header.get("url", "").strip()
    if wanted_url:
        try:
            article.url = normalise_web_address(wanted_url)
        except WebAddressError as exc:
            shown = wanted_url if len(wanted_url) <= 80 else wanted_url[:80] + "…"
            raise IngestError(f"{name}: url {shown!r} is not an address an article can have ({exc}); "
                              "give the full address, like https://apnews.com/...") from None
    if isinstance(published, (datetime.date, datetime.datetime)):
        article.published = published
    else:
        value = pick("published", published)
        if value:
            try:
                article.published = parse_published(value)
            except IngestError as exc:
                raise IngestError(f"{name}: {exc}") from None
    lang = language if language and language.strip().lower() != "auto" else None
    article.language = _language(pick("language", lang), body, name)
    if not article.title:
        article.title = _fallback_title(body, markdown=origin == "pasted"
                                        or Path(origin).suffix.lower() in (".md", ".markdown"),
                                        language=article.language)
    return article


def _visible(text: str) -> bool:
    """Whether the text shows anything: not only spaces, NBSP, zero-width spaces, BOMs and control codes."""
    return any(not (c.isspace() or c in _INVISIBLE or _FIELD_CONTROL.match(c)) for c in text)


def _split_front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    """Return the header fields and the exact body after the closing `---` line.

    A block only counts as front matter if every line inside is blank or `key: value`; otherwise
    an opening `---` is an ordinary Markdown rule and all text is body. A block of such lines
    that never closes is a header someone forgot to end (None): the article would be its lines.
    """
    fields: dict[str, str] = {}
    pos = 0
    first = True
    while pos < len(text):
        end = text.find("\n", pos)
        nxt = len(text) if end < 0 else end + 1
        line = text[pos:nxt].rstrip("\r\n")
        pos = nxt
        if first:
            if line.strip() != "---":
                return {}, text
            first = False
            continue
        if line.strip() == "---":
            return fields, text[pos:]
        if not line.strip():
            continue
        match = _FIELD_LINE.match(line)
        if not match:
            return {}, text
        key = _HEADER_KEYS.get(match.group(1).lower())
        if key:
            fields[key] = _unquote(match.group(2))
    return (None, text) if fields else ({}, text)


def _unquote(value: str) -> str:
    """Drop one pair of matching quotes, as YAML-style headers often quote titles."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _language(value: str, body: str, name: str) -> str:
    """Normalise "en", "es-MX", "Spanish"... to a supported code, or detect from the body."""
    if not value or value.lower() == "auto":
        return detect_language(body)
    try:
        return normalise_language(value)
    except UnsupportedLanguageError:
        raise IngestError(f"{name}: language {value!r} is not supported; use en, es or auto") from None


def _fallback_title(body: str, markdown: bool, language: str = "en") -> str:
    """A title for text without one: a leading Markdown heading, else the first line when it reads
    as a headline (short, no full stop), else that line's first sentence; cut at a word."""
    for line in body.splitlines():
        line = _FIELD_CONTROL.sub("", line).strip().strip(_INVISIBLE).strip()
        if not line or set(line) <= set("-=*_# "):  # a Markdown rule or an empty heading is no title
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            return _cut_at_word(heading.group(1).strip())
        if len(line) <= TITLE_MAX_CHARS and not _ENDS_SENTENCE.search(line):
            return line
        # Loaded here, for the one file in a batch without a title: reading a file loads no analyser.
        from factcheck.analysis.sentences import split_sentences

        sentences = split_sentences(line, language)
        return _cut_at_word(sentences[0].text if sentences else line)
    return ""


_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’)»]*$")


def _cut_at_word(text: str) -> str:
    if len(text) <= TITLE_MAX_CHARS:
        return text
    cut = text[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] or text[:TITLE_MAX_CHARS]
    return cut.rstrip(" ,;:-") + "…"


def _decode(data: bytes, name: str) -> str:
    """Decode bytes to text, refusing anything that does not look like text.

    UTF-8 comes first because it is unambiguous; then cp1252 when every non-ASCII character it
    yields is one an English or Spanish text would use (charset detection is unreliable on short
    Western texts, e.g. it reads "Peña" as Chinese); then charset-normalizer for the rest.
    """
    head = data[:_SNIFF_BYTES]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try_decode(data, "utf-16")
    elif (guessed := _utf16_without_bom(data)) is not None:
        text = guessed
    elif head.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise IngestError(f"{name} is a {_BINARY_HINT}")
    else:
        text = _try_decode(data, "utf-8-sig")
        if text is None:
            text = _try_decode(data, "cp1252")
            if text is not None and not set(c for c in text if ord(c) > 127) <= _WESTERN_CHARS:
                text = None
        if text is None:
            from charset_normalizer import from_bytes  # only for files that are neither UTF-8 nor cp1252

            best = from_bytes(data).best()
            text = str(best) if best is not None else None
    if text is None:
        raise IngestError(f"{name} is a {_BINARY_HINT} (no text encoding fits it)")
    sample = text[:_SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise IngestError(f"{name} is a {_BINARY_HINT} (it is full of control characters)")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark: Western text then has a NUL in every other
    byte, all on the same side. Decoded only when the result is printable text."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= half * 0.6 and other == 0:
            text = _try_decode(data, encoding)
            if text is not None and not _CONTROL.search(text[:_SNIFF_BYTES]):
                return text
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mb(size: int) -> str:
    """A size a person can read: bytes below 1 MB, else megabytes."""
    return f"{size:,} bytes" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"
