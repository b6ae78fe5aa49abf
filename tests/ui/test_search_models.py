"""The search result model over a real database: pages read as drawn, rows kept true after changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck.ops import SaveSearch, SetVerdict
from factcheck.records import SearchResult, SourceInput
from factcheck.store import Store
from ui.models import search_result_model, similar_model
from ui.models.saved_search_model import SavedSearchModel
from ui.models.search_result_model import ARTICLE, OUTLET, REVIEWED, VERDICT, SearchResultModel
from ui.models.similar_model import SimilarModel, SimilarRow


def test_results_are_fetched_a_page_at_a_time_and_pass_the_model_tester(seeded: Store, qtmodeltester,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_result_model, "PAGE", 3)
    ids = seeded.search_ids("Mexico")
    assert len(ids) > 6
    model = SearchResultModel(seeded)
    model.set_results("Mexico", ids)
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3 and model.total == len(ids)
    model.fetch_through(len(ids) - 1)
    assert model.rowCount() == len(ids) and not model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, ARTICLE)
    assert first.data().startswith("Mexico's president")
    assert model.index(0, OUTLET).data() == "AP"


def test_a_verdict_repaints_its_row_with_mark_and_local_time(seeded: Store, qtbot) -> None:  # noqa: ANN001
    ids = seeded.search_ids("troops")
    model = SearchResultModel(seeded)
    model.set_results("troops", ids)
    model.fetchMore()
    assert model.index(0, VERDICT).data() == "○ unreviewed" and model.index(0, REVIEWED).data() == ""
    changes = seeded.run(SetVerdict(ids[0], verdict="unclear", reviewer="ana"))
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_claims(changes.claims)
    assert model.index(0, VERDICT).data() == "? unclear"
    assert model.index(0, REVIEWED).data()[:2] == "20"


def test_saved_search_model_passes_the_model_tester(seeded: Store, qtmodeltester) -> None:  # noqa: ANN001
    seeded.run(SaveSearch("Open AP", "is:unreviewed outlet:AP"))
    model = SavedSearchModel(seeded)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1 and "outlet:AP" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_similar_model_shows_mark_date_outlet_and_sources(seeded: Store, qtmodeltester) -> None:  # noqa: ANN001
    claim = seeded.claims(1, proposed_only=True)[0]
    seeded.run(SetVerdict(claim.id, verdict="disputed", reviewer="bea",
                          sources=(SourceInput("https://apnews.com/x"),)))
    claim = seeded.claim(claim.id)
    result = SearchResult(claim.id, 1, claim.text, "disputed", "Mexico's president says…", claim.text, 0.8)
    model = SimilarModel()
    model.set_rows([SimilarRow(result, claim, "AP")])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, similar_model.VERDICT).data() == "✗ disputed"
    assert model.index(0, similar_model.ARTICLE).data() == "Mexico's president says…"
    assert model.index(0, similar_model.OUTLET).data() == "AP"
    assert model.index(0, similar_model.SOURCES).data() == "1"
    assert "https://apnews.com/x" in model.index(0, similar_model.SOURCES).data(Qt.ItemDataRole.ToolTipRole)
