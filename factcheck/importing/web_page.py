"""A saved web page into an article: the main text, the page's own metadata, its ClaimReviews.

The body comes from trafilatura (a maintained main-text extractor), so menus, adverts, comments,
scripts and styles stay out. Nothing in the page is run or fetched: the page is parsed from the
bytes on disk and handed to the extractor as a parsed tree, and trafilatura only downloads when
asked to with its `fetch_url`, which is never called here.

Metadata is what the page itself says (its title, site name, author, canonical address, date and
`<html lang>`); a value the page lacks, or one that does not read as what it claims to be, is
left empty for the reviewer rather than guessed. This module is imported only when a page is
imported: trafilatura and lxml cost a few hundred milliseconds to load.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from factcheck.analysis.languages import UnsupportedLanguageError, normalise_language
from factcheck.errors import IngestError
from factcheck.importing.claim_review import PastVerdict, claim_reviews
from factcheck.urls import WebAddressError, normalise_web_address

ARCHIVE_SUFFIXES = (".mhtml", ".mht")
GZIP_SUFFIXES = (".html.gz", ".htm.gz")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass
class PageContent:
    """What a page holds for an article: the body with paragraph breaks, and the metadata found."""

    body: str
    fields: dict[str, str] = field(default_factory=dict)  # title, outlet, author, url, published, language
    past_verdicts: tuple[PastVerdict, ...] = ()


def page_html(data: bytes, name: str, label: str, limit: int) -> tuple[bytes | str, str]:
    """The HTML inside a page file (a gzip or a web archive opened), and the address it was saved
    from when the archive names one; `limit` bounds what a decompression may grow to."""
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIXES):
        data = _gunzip(data, label, limit)
    if lowered.endswith(ARCHIVE_SUFFIXES):
        from factcheck.importing.mhtml import archive_html

        return archive_html(data, label)
    return data, ""


def read_page(html: str, label: str, saved_from: str = "") -> PageContent:
    """Extract the article from one page; a page with no article text in it is refused."""
    tree = _parse(html, label)
    verdicts = claim_reviews(tree)
    language = _page_language(tree)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_images=False, include_links=False,
        include_formatting=False, include_tables=True, deduplicate=False, output_format="python")
    text = getattr(document, "text", None) or ""
    title = (getattr(document, "title", None) or "").strip()
    body = _paragraphs(text, title)
    if not body:
        raise IngestError(f"{label} has no article text that could be found (the page may hold only "
                          "menus, or load its text with scripts); save the page after it has loaded, "
                          "or copy the article text and paste it")
    fields = {
        "title": title,
        "outlet": (getattr(document, "sitename", None) or "").strip(),
        "author": (getattr(document, "author", None) or "").strip(),
        "url": _address(getattr(document, "url", None) or saved_from),
        "published": (getattr(document, "date", None) or "").strip(),
        "language": language or _language(getattr(document, "language", None)),
    }
    return PageContent(body=body, fields=_trusted(fields), past_verdicts=verdicts)


def _trusted(fields: dict[str, str]) -> dict[str, str]:
    """The page's values that read as what they claim to be; the rest are left for the reviewer.

    A page's date or title is the page's word, not the reviewer's: one that does not parse, or a
    "title" of a thousand characters, is dropped rather than refusing the whole import.
    """
    from factcheck.importing.reading import FIELD_MAX_CHARS, parse_published

    kept = {key: value for key, value in fields.items() if value and len(value) <= FIELD_MAX_CHARS}
    if "published" in kept:
        try:
            parse_published(kept["published"])
        except IngestError:
            del kept["published"]
    return kept


def _gunzip(data: bytes, label: str, limit: int) -> bytes:
    """Decompress at most `limit` bytes: a small file may unpack to gigabytes (a zip bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise IngestError(f"{label} is not a readable gzip file ({exc}); save the page again "
                          "or import the .html file itself") from None
    if len(out) > limit:
        raise IngestError(f"{label} unpacks to more than the limit of {limit // (1024 * 1024)} MB; "
                          "import only the article's page")
    if not inflater.eof:
        raise IngestError(f"{label} is a gzip file cut short; save the page again")
    return out


def _parse(html: str, label: str) -> lxml.html.HtmlElement:
    if isinstance(html, str):
        # lxml refuses text that still declares a byte encoding; the text is decoded already.
        html = _XML_DECLARATION.sub("", html, count=1)
    try:
        # No network and no entities from outside: lxml's HTML parser reads only these bytes.
        parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                      huge_tree=False)
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"{label} is not a web page that can be read ({exc}); "
                          "open it in a browser and save it again") from None


def _paragraphs(text: str, title: str) -> str:
    """One paragraph a line from the extractor, joined with blank lines; a first line that only
    repeats the title is the page's headline, which the article keeps as its title instead."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _address(value: str) -> str:
    try:
        return normalise_web_address(value.strip()) if value.strip() else ""
    except WebAddressError:
        return ""  # a relative or odd canonical link says nothing reliable


def _language(value: str | None) -> str:
    """A supported code for the page's declared language; any other language is left to detection."""
    try:
        return normalise_language(value) if value and value.strip() else ""
    except UnsupportedLanguageError:
        return ""


def _page_language(tree: lxml.html.HtmlElement) -> str:
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not declared:
        for meta in tree.iterfind(".//meta[@http-equiv]"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                declared = meta.get("content") or ""
                break
    return _language(declared.split(",")[0])
