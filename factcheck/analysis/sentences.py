"""Sentences and paragraphs with exact character offsets into the original text.

Claims are stored as offsets into the article body exactly as imported, so every span here
points into the original string: ``original[span.start:span.end] == span.text`` always holds,
whatever the line endings, tabs or quote characters of the input.

Sentence boundaries come from ``sentencex`` (rule based, English, Spanish and many more
languages). It is fast enough to run on every imported article (well under a millisecond for a
typical news story, where pysbd takes tens of milliseconds), but it does not treat a line break
as a boundary, so the text is first cut into paragraphs on line breaks and each paragraph is
segmented on its own. That keeps a photo credit on its own line from being glued to the quote
on the next line.

Two fixes on the segmenter's answer, for what a reader sees as sentences in news text:
- a colon followed by a run of spaces ends a sentence: text pulled from web pages often joins a
  heading ("Here are 10 moments that mattered:") to the paragraph after it with spaces only;
- a quotation and its attribution stay one sentence ("\"Can you?\" Bush asks."), so the claim
  keeps its speaker, where the segmenter cuts after the question mark.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from sentencex import segment

from factcheck.analysis.alternation import alternation
from factcheck.analysis.languages import SUPPORTED_LANGUAGES, language_or_default

# Any line break ends a paragraph: LF, CR, CRLF and the Unicode separators that
# ``str.splitlines`` also honours (vertical tab, form feed, NEL, line/paragraph separators).
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_HAS_WORD = re.compile(r"\w")
# A colon and then two or more spaces (or a tab): a heading run into its paragraph.
_HEADING_COLON = re.compile(r"(?<=:)[ \t\u00a0]{2,}")
# A quotation closed after its own end mark: what follows may be its attribution.
_CLOSED_QUOTE = re.compile(r"[.?!,…][\"”’»']\s*$")
_NAME_WORDS = r"[\w.'’-]+(?:\s+[\w.'’-]+){0,4}"


def _attribution_pattern(code: str) -> re.Pattern[str]:
    """A short sentence that only says who spoke: "Bush asks.", "said the minister.", "the statement said.\""""
    # The word list module itself: once `languages.vocabulary` (the protocol's module) is imported,
    # the package's attribute of that name is the module, not the loader function.
    lang = importlib.import_module(f"factcheck.analysis.languages.{code}")
    verbs = alternation([*lang.SPEECH_VERBS, *lang.SPEAKER_ONLY_SPEECH_VERBS])
    return re.compile(rf"^(?:{_NAME_WORDS}\s+(?:{verbs})|(?:{verbs})\s+{_NAME_WORDS})\s*[.!?]?$",
                      re.IGNORECASE)


_ATTRIBUTION = {code: _attribution_pattern(code) for code in SUPPORTED_LANGUAGES}
_ATTRIBUTION_MAX = 60  # characters: longer is a sentence of its own, not a tag on a quote


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the original text: ``text == original[start:end]`` always holds."""

    start: int
    end: int
    text: str


def _strip(text: str, start: int, end: int) -> Span | None:
    """The span ``text[start:end]`` without surrounding whitespace, or None when nothing is left."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return None
    return Span(start + left, start + right, piece[left:right])


def split_paragraphs(text: str) -> list[Span]:
    """Non-blank lines of ``text``, stripped, in order.

    Every line break counts as a paragraph break: articles pasted from the web or from a
    machine translation often have single newlines between paragraphs, and a caption line
    never continues the sentence above or below it.
    """
    spans = []
    for match in _LINE.finditer(text):
        span = _strip(text, match.start(), match.end())
        if span is not None:
            spans.append(span)
    return spans


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Sentences of ``text`` in order, stripped of whitespace, never empty, never across a line.

    A piece with no letter or digit (a stray ``...`` or a dash rule) is joined to the sentence
    before it in the same paragraph rather than offered as a sentence of its own.
    """
    lang = language_or_default(language)  # "es-MX" is "es"; an unsupported label gets English rules
    attribution = _ATTRIBUTION.get(lang, _ATTRIBUTION["en"])
    sentences: list[Span] = []
    for para in _chunks(text, split_paragraphs(text)):
        first_in_para = len(sentences)
        cursor = 0
        for piece in segment(lang, para.text):
            found = para.text.find(piece, cursor)
            if found < 0:  # the segmenter changed the text; keep the rest of the paragraph whole
                found = cursor
                piece = para.text[cursor:]
            start = para.start + found
            cursor = found + len(piece)
            span = _strip(text, start, start + len(piece))
            if span is None:
                continue
            if len(sentences) > first_in_para and (
                    not _HAS_WORD.search(span.text) or _is_attribution(sentences[-1], span, attribution)):
                prev = sentences.pop()
                span = Span(prev.start, span.end, text[prev.start : span.end])
            sentences.append(span)
            if cursor >= len(para.text):
                break
        if cursor < len(para.text):  # anything the segmenter did not return
            span = _strip(text, para.start + cursor, para.end)
            if span is not None:
                sentences.append(span)
    return sentences


def _chunks(text: str, paragraphs: list[Span]) -> list[Span]:
    """The paragraphs, each cut after a colon that a run of spaces follows."""
    chunks: list[Span] = []
    for para in paragraphs:
        start = 0
        for gap in _HEADING_COLON.finditer(para.text):
            piece = _strip(text, para.start + start, para.start + gap.start())
            if piece is not None:
                chunks.append(piece)
            start = gap.end()
        piece = _strip(text, para.start + start, para.end)
        if piece is not None:
            chunks.append(piece)
    return chunks


def _is_attribution(previous: Span, span: Span, pattern: re.Pattern[str]) -> bool:
    return (len(span.text) <= _ATTRIBUTION_MAX and bool(_CLOSED_QUOTE.search(previous.text))
            and bool(pattern.match(span.text)))
