"""The article filter box and the list it narrows, on a real database of a few articles.

What the filter finds is pinned against the rule the list has always followed: the text, casefolded,
inside the shown title ("(untitled)" when there is none) or the outlet; never the author, the address
or the date; accents count. The selection and the counts shown survive typing, reloads and changes
that arrive row by row.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from factcheck.ops import EditArticleDetails, SetVerdict
from factcheck.records import ArticleRecord, Changes
from factcheck.store import Store
from ui.article_list_panel import ArticleListPanel
from ui.models.article_filter import search_key, search_keys
from ui.models.article_list_model import PROGRESS, TITLE, ArticleIdRole, ArticleListModel

BODY = ("Officials said on {day} that {count} people attended the {what}, a record for the city. "
        "The mayor said the next one will open in March 2026.")
# (title, outlet, author): accents, a German sharp s, the same word in title and outlet, no outlet.
ARTICLES = [
    ("Lisbon metro sets a record", "Público", "Ana Sousa"),
    ("Straße closed after the march", "Die Zeit", "Jörg Weber"),
    ("Record crowd at the Madrid marathon", "El País", "Lucía Pérez"),
    ("Budget vote delayed again", "Reuters", "John Lisbon"),
    ("Metro fares rise in Porto", "", "Rui Costa"),
]


def shown_ids(model: ArticleListModel) -> list[int]:
    return [model.index(row, 0).data(ArticleIdRole) for row in range(model.rowCount())]


def expected(store: Store, needle: str) -> list[int]:
    """The rule, on full records: unfinished first, then import order; the text in title or outlet."""
    def key(a: ArticleRecord) -> str:
        return f"{a.title or '(untitled)'}\n{a.outlet}".casefold()

    ordered = sorted(store.articles(), key=lambda a: (a.finished, a.id))
    return [a.id for a in ordered if needle.casefold() in key(a)]


def finish(store: Store, article_id: int) -> None:
    for claim in store.claims(article_id, proposed_only=True):
        store.run(SetVerdict(claim.id, verdict="verified", reviewer="ana"))


@pytest.fixture
def desk(store: Store) -> Store:
    for n, (title, outlet, author) in enumerate(ARTICLES):
        body = BODY.format(day=("Monday", "Tuesday", "Friday", "Sunday", "Saturday")[n], count=1000 * (n + 2),
                           what=title.lower())
        store.import_text(body, title=title, outlet=outlet, author=author, published=f"2024-0{n + 1}-15")
    return store


@pytest.fixture
def panel(qtbot, desk: Store) -> ArticleListPanel:  # noqa: ANN001
    panel = ArticleListPanel(desk)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def ids_titled(store: Store, *words: str) -> list[int]:
    return [a.id for a in store.articles() if any(w in a.title for w in words)]


def test_the_filter_finds_titles_and_outlets_ignoring_case_but_not_accents(desk: Store) -> None:
    model = ArticleListModel(desk)
    lisbon, _, madrid, budget, porto = (a.id for a in desk.articles())
    model.set_filter("LISBON")  # the title; the author of "Budget vote" is John Lisbon: not looked at
    assert shown_ids(model) == [lisbon]
    model.set_filter("el país")  # the outlet
    assert shown_ids(model) == [madrid]
    model.set_filter("metro")
    assert shown_ids(model) == [lisbon, porto]
    model.set_filter("publico")  # accents count, as they always have
    assert shown_ids(model) == []
    model.set_filter("2024")  # nor the date
    assert shown_ids(model) == []
    model.set_filter("record")  # in two titles, any case
    assert shown_ids(model) == [lisbon, madrid]
    model.set_filter("")
    assert shown_ids(model) == [a.id for a in desk.articles()]
    assert budget in shown_ids(model)


def test_casefolding_matches_a_sharp_s_to_ss(desk: Store) -> None:
    model = ArticleListModel(desk)
    strasse = ids_titled(desk, "Straße")
    model.set_filter("STRASSE")
    assert shown_ids(model) == strasse
    model.set_filter("straße")
    assert shown_ids(model) == strasse


def test_search_keys_fold_every_article_as_one_key_at_a_time_would() -> None:
    titles = ["Straße", "", "Émile ZOLA", "x\x00y", "Ωμέγα"]
    outlets = ["AP", "Público", "", "\n", "ΕΡΤ"]
    assert search_keys(titles, outlets) == [search_key(t, o) for t, o in zip(titles, outlets, strict=True)]
    assert search_key("", "AP") == "(untitled)\nap"  # the list shows "(untitled)", so the filter finds it
    assert search_keys([], []) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["li", "sbon", "metro", "MET", "ß", "ss", "é", "a", "re", " ", "\n",
                                 "p", "ú", "zeit", "Record", "x"]), max_size=5))
def test_typing_and_deleting_always_shows_what_a_fresh_filter_would(desk_once: Store, pieces: list[str]) -> None:
    """Typing on narrows from the rows already shown; deleting widens again: both agree with the rule."""
    model = ArticleListModel(desk_once)
    text = ""
    for piece in pieces:
        for char in piece:
            text += char
            model.set_filter(text)
            assert shown_ids(model) == expected(desk_once, text), text
    while text:
        text = text[:-1]
        model.set_filter(text)
        assert shown_ids(model) == expected(desk_once, text), text


@pytest.fixture(scope="module")
def desk_once(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The same articles, imported once for the many examples of the property above; one finished."""
    store = Store(tmp_path_factory.mktemp("desk") / "desk.db", reviewer="ana")
    for n, (title, outlet, author) in enumerate(ARTICLES):
        store.import_text(BODY.format(day="Monday", count=n + 2, what=title), title=title, outlet=outlet,
                          author=author)
    finish(store, store.articles()[1].id)
    yield store
    store.close()


def test_the_selection_follows_the_article_through_typing_and_comes_back(qtbot, panel: ArticleListPanel,
                                                                         desk: Store) -> None:  # noqa: ANN001
    lisbon, _, _, _, porto = (a.id for a in desk.articles())
    assert panel.select_article(porto)
    with qtbot.assertNotEmitted(panel.articleActivated):
        qtbot.keyClicks(panel.filter_edit, "metro")
    assert shown_ids(panel.model) == [lisbon, porto]
    assert panel.view.currentIndex().data(ArticleIdRole) == porto
    assert panel.position_of(porto) == (2, 2)
    with qtbot.assertNotEmitted(panel.articleActivated):
        qtbot.keyClicks(panel.filter_edit, " fares")  # "metro fares": Lisbon goes, Porto stays
    assert shown_ids(panel.model) == [porto] and panel.position_of(porto) == (1, 1)
    assert panel.view.currentIndex().data(ArticleIdRole) == porto
    with qtbot.assertNotEmitted(panel.articleActivated):
        qtbot.keyClicks(panel.filter_edit, "!")  # hides it: nothing highlighted, nothing else shown
    assert shown_ids(panel.model) == [] and panel.position_of(porto) == (0, 0)
    assert not panel.view.selectionModel().hasSelection()
    with qtbot.assertNotEmitted(panel.articleActivated):
        for _ in " fares!":
            qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Backspace)
    assert panel.filter_edit.text() == "metro"
    assert panel.view.currentIndex().data(ArticleIdRole) == porto and panel.position_of(porto) == (2, 2)
    assert not panel.empty_label.isVisible()  # a filter matching nothing is not "no articles yet"


def test_a_reload_keeps_the_filter_the_selection_and_shows_new_and_changed_counts(
        qtbot, panel: ArticleListPanel, desk: Store) -> None:  # noqa: ANN001
    lisbon, _, madrid, _, porto = (a.id for a in desk.articles())
    panel.select_article(madrid)
    panel.filter_edit.setText("r")
    assert panel.position_of(madrid) == (3, 5)
    # Written behind the list's back, as another window or the command line would.
    other = Store(desk.path, reviewer="bo")
    finish(other, lisbon)
    added = other.import_text(BODY.format(day="Monday", count=7, what="show"), title="Rome metro opens",
                              outlet="ANSA").article_id
    other.close()
    with qtbot.assertNotEmitted(panel.articleActivated):
        panel.reload()
    assert panel.filter_edit.text() == "r"
    assert shown_ids(panel.model) == expected(desk, "r")
    assert shown_ids(panel.model)[-2:] == [added, lisbon]  # the finished one moved after the rest
    assert panel.view.currentIndex().data(ArticleIdRole) == madrid
    assert panel.position_of(madrid) == (2, 6)  # Lisbon, before it, is finished now; Rome is new
    done = desk.article(lisbon)
    row = panel.model.row_of(lisbon)
    assert panel.model.index(row, PROGRESS).data() == f"{done.reviewed}/{done.claims}"
    assert done.claims > 0 and done.reviewed == done.claims
    assert porto in shown_ids(panel.model)  # "Porto": the filter holds across the reload


def test_changes_arriving_row_by_row_while_filtered_agree_with_a_fresh_read(qtmodeltester, desk: Store) -> None:
    model = ArticleListModel(desk)
    qtmodeltester.check(model)  # the tester keeps checking every signal the model sends from here on
    lisbon, strasse, madrid, budget, porto = (a.id for a in desk.articles())
    model.set_filter("r")

    def agrees() -> None:
        fresh = ArticleListModel(desk)
        fresh.set_filter("r")
        assert shown_ids(model) == shown_ids(fresh) == expected(desk, "r")
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                assert model.index(row, column).data() == fresh.index(row, column).data()

    finish(desk, madrid)  # moves to the end
    model.refresh_articles({madrid})
    agrees()
    edit = EditArticleDetails(porto, title="Ferry fares fall", outlet="")  # "r" still matches
    model.refresh_articles(desk.run(edit).articles)
    agrees()
    edit = EditArticleDetails(budget, title="Budget vote delayed", outlet="AP")  # no "r" left: it goes
    model.refresh_articles(desk.run(edit).articles)
    agrees()
    assert model.row_of(budget) is None and model.holds(budget)
    edit = EditArticleDetails(budget, title="Budget vote delayed", outlet="Reuters")  # back again
    model.refresh_articles(desk.run(edit).articles)
    agrees()
    hidden = desk.import_text(BODY.format(day="Monday", count=9, what="show"), title="Ghent Tunnel", outlet="")
    shown = desk.import_text(BODY.format(day="Friday", count=8, what="fair"), title="Fair in Rome", outlet="")
    model.refresh_articles({hidden.article_id, shown.article_id})
    agrees()
    assert model.row_of(hidden.article_id) is None and model.row_of(shown.article_id) is not None
    con = sqlite3.connect(desk.path)  # deleted elsewhere (an older backup restored by another program)
    with con:
        con.execute("DELETE FROM claim WHERE article_id = ?", (strasse,))
        con.execute("DELETE FROM article WHERE id = ?", (strasse,))
    con.close()
    model.refresh_articles({strasse, lisbon})
    agrees()
    assert not model.holds(strasse)
    model.set_unfinished_first(False)
    assert shown_ids(model) == sorted(shown_ids(model))
    model.set_unfinished_first(True)
    agrees()


def test_tooltips_read_what_the_list_does_not_hold(desk: Store) -> None:
    model = ArticleListModel(desk)
    tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Lisbon metro sets a record", "Público · 2024-01-15", "By Ana Sousa", "pasted"]


def test_an_import_of_many_articles_merges_in_keeping_the_filter_and_the_selection(
        qtbot, panel: ArticleListPanel, desk: Store) -> None:  # noqa: ANN001
    _, _, madrid, _, _ = (a.id for a in desk.articles())
    panel.select_article(madrid)
    panel.filter_edit.setText("ro")
    new = [desk.import_text(BODY.format(day="Monday", count=n + 10, what="show"), outlet="bench",
                            title=("Rome", "Oslo", "Brno")[n % 3] + f" report {n}").article_id for n in range(12)]
    finish(desk, madrid)
    with qtbot.assertNotEmitted(panel.articleActivated):
        panel.on_changes(Changes(articles={*new, madrid}, article_list=True))
    assert shown_ids(panel.model) == expected(desk, "ro")
    assert set(new[::3]) <= set(shown_ids(panel.model))  # "Rome": shown; "Oslo", "Brno": not
    assert not (set(new[1::3]) | set(new[2::3])) & set(shown_ids(panel.model))
    assert panel.view.currentIndex().data(ArticleIdRole) == madrid
    assert panel.position_of(madrid) == (len(shown_ids(panel.model)), len(shown_ids(panel.model)))  # finished: last
    panel.filter_edit.clear()
    assert panel.model.article_count() == len(ARTICLES) + 12


def test_a_list_started_on_its_head_shows_the_same_list_once_whole(qtbot, desk: Store) -> None:  # noqa: ANN001
    """The first screen reads a few rows (the head, in the list's order), the status bar counts every
    article meanwhile, and reading the rest leaves the list as a whole read shows it."""
    _, zeit, _, _, porto = (a.id for a in desk.articles())
    finish(desk, zeit)  # finished: after every unfinished article, so not in a head of three
    panel = ArticleListPanel(desk, head=3)
    qtbot.addWidget(panel)
    whole = expected(desk, "")
    assert panel.model.partial
    assert shown_ids(panel.model) == whole[:3]
    assert panel.position_of(whole[0]) == (1, len(ARTICLES))
    panel.complete()
    assert not panel.model.partial and shown_ids(panel.model) == whole

    again = ArticleListPanel(desk, head=3)
    qtbot.addWidget(again)
    assert again.select_article(zeit)  # beyond the head: the rest is read to find it
    assert shown_ids(again.model) == whole and again.view.currentIndex().data(ArticleIdRole) == zeit
    late = ArticleListPanel(desk, head=3)
    qtbot.addWidget(late)
    assert late.neighbour(whole[2], 1) == porto  # Shift+J past the head
    typing = ArticleListPanel(desk, head=3)
    qtbot.addWidget(typing)
    typing.filter_edit.setText("metro")
    assert shown_ids(typing.model) == expected(desk, "metro")
