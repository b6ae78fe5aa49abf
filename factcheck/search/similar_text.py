"""Text preparation for the similar-claims lookup: cleaning social-media text, words, character n-grams.

A claim is often met again as a post that repeats it: links, a "— Name (@handle) date" credit
line, #CamelCaseTags and @handles around the words that matter. Cleaning keeps the words (the
credit line's name too: who posted a claim often names who it is about) and drops the rest.
"""

from __future__ import annotations

import re
import unicodedata

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
# The credit line an embedded post ends with: "— Jane Doe (@jdoe) May 3, 2025". The name is kept.
_CREDIT = re.compile(r"(?:\s-{1,2}\s|[—–])([^—–\n]{0,80})\(@\w+\)[^()@]{0,40}$")
_TAG = re.compile(r"[#@](\w+)")
# Where a tag's words meet: "DefundTheCBC" -> "Defund The CBC", "Covid19" -> "Covid 19", "a_b".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])|_")
_WORD = re.compile(r"[^\W_]+")

# Words too common to find a claim by, in the two languages the project reads. Single letters
# (the "s" of "U.S.", an initial) are dropped as well; single digits are kept.
STOP_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both
but by can cannot could did do does doing don down during each few for from further had has have having he her
here hers herself him himself his how i if in into is isn it its itself just let me more most my myself no nor
not now of off on once only or other ought our ours ourselves out over own same shan she should so some such
than that the their theirs them themselves then there these they this those through to too under until up very
was wasn we were weren what when where which while who whom why will with won would wouldn you your yours
yourself yourselves also via amp rt ll ve re
al algo ante con contra cual cuando de del desde donde durante el ella ellas ellos en entre era es esa ese eso
esta estaba estan este esto estos fue ha hay la las le les lo los mas me mi muy nada ni no nos o os otra otro
para pero poco por porque que quien se sea ser si sin sobre son su sus tambien te tiene todo tu un una uno unos
y ya
""".split())


def clean(text: str) -> str:
    """The words of a post without its links, credit line or tag markup."""
    text = _CREDIT.sub(lambda m: " " + m.group(1) + " ", text)
    text = _URL.sub(" ", text)
    text = _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    return " ".join(text.replace("&amp;", "&").split())


def fold(text: str) -> str:
    """Lower case without accents, as the search index's tokenizer (remove_diacritics) sees it."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words worth matching on, in order, each once."""
    found = (w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit()))
    return list(dict.fromkeys(found))


def stems(found: list[str]) -> set[str]:
    """Words cut to their first five letters: a crude stem, enough to count "vaccine" and
    "vaccines" as one shared word in both languages."""
    return {w[:5] for w in found}


def char_text(text: str) -> str:
    """The folded words, one space between and around them: what the character n-grams are cut from."""
    return " " + " ".join(_WORD.findall(fold(text))) + " "


def char_grams(text: str) -> set[str]:
    """Character 3- to 5-grams of the folded words: they match across inflections, typos and
    compounds ("vaccines"/"vaccinated", "covid19"/"covid 19") where whole words do not."""
    t = char_text(text)
    last = len(t) + 1
    return {t[i:i + n] for n in (3, 4, 5) for i in range(last - n)}
