"""Search snippets in the window: matches bold, the reviewer's own text never read as markup."""

from __future__ import annotations

from factcheck.records import HIGHLIGHT_END as E
from factcheck.records import HIGHLIGHT_START as S
from ui import snippet_text


def test_matches_become_bold_and_everything_else_is_escaped() -> None:
    snippet = f"The <b>mayor</b> & {S}cartel{E} leaders met {S}Trump{E}"
    assert snippet_text.as_html(snippet) == (
        "The &lt;b&gt;mayor&lt;/b&gt; &amp; <b>cartel</b> leaders met <b>Trump</b>")


def test_a_snippet_cut_inside_a_match_still_closes_it_and_stray_markers_vanish() -> None:
    assert snippet_text.as_html(f"{E}start {S}open") == "start <b>open</b>"
    assert snippet_text.as_html(f"{S}{S}twice{E}{E}") == "<b>twice</b>"


def test_plain_text_drops_the_markers_and_folds_lines() -> None:
    assert snippet_text.plain(f"…said {S}troops{E}\nwould\tnot…") == "…said troops would not…"
