"""Databases the export tests share: the seed article reviewed as a desk would, and a hostile article."""

from __future__ import annotations

from factcheck import ops
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.conftest import SEED

SECOND = """---
title: Council bans plastic bags
outlet: City Herald
url: https://cityherald.example/bags
author: Marta Ruiz
published: 2025-04-12
---
The city council voted 7 to 2 on Thursday to ban plastic bags in every grocery store from January.
"The ban will cut waste by 40 percent," said Mayor Ellen Park at the meeting.
Shops that break the rule will pay a fine of $500, according to the new ordinance.
"""

HOSTILE = """---
title: <script>alert('title')</script> Budget <img src=x onerror=alert(1)> leak
outlet: =HYPERLINK("http://evil.example","click")
author: @SUM(A1:A9)
url: https://evil.example/a?x="><script>alert('url')</script>
published: 2025-05-03
---
The minister said on Monday that 40 percent of <script>alert("body")</script> the funds went missing in 2024.
=SUM(A1:A9)+cmd|' /C calc' was written on the report, which said spending grew by 12 percent in March.
Click <a href="javascript:alert('link')">here</a> said the spokesman, adding that 300 jobs were cut in 2023.
"""

HOSTILE_SOURCE = SourceInput(
    'https://evil.example/s?q="><img/src=x/onerror=alert(3)>',
    title="<script>alert('source')</script> javascript:alert(4)",
    publisher="<b onmouseover=alert(5)>Evil</b>", excerpt='<a href="javascript:alert(6)">x</a>',
    accessed="2025-05-04")


def reviewed(store: Store) -> dict[str, int]:
    """The seed article and a second one, with verified, disputed and unclear verdicts, a change of
    verdict (a history of two), sources, a verdict without a source and a reused verdict."""
    seed = store.import_file(SEED).article_id
    other = store.import_text(SECOND).article_id
    s = store.claims(seed, proposed_only=True)
    o = store.claims(other, proposed_only=True)
    store.set_verdict(s[0].id, "verified", rationale="Her remarks are on the presidency's video of 3 May 2025.",
                      reviewer="ana", sources=[
                          SourceInput("https://apnews.com/article/mexico-sheinbaum-trump-troops",
                                      "Mexico's president says she rejected Trump's proposal", "AP", "", "2025-05-04"),
                          SourceInput("https://www.gob.mx/presidencia", "Versión estenográfica", "Presidencia")])
    store.set_verdict(s[1].id, "unclear", rationale="First look.", reviewer="ben")
    store.set_verdict(s[1].id, "disputed", rationale="The WSJ describes the call; the White House denies it.",
                      reviewer="ana")
    store.set_verdict(s[2].id, "unclear", reviewer="ana")  # no source: a report must flag it
    store.set_verdict(o[0].id, "verified", rationale="Minutes of the session.", reviewer="ana",
                      sources=[SourceInput("https://cityherald.example/minutes", "Minutes", "City Herald")])
    store.run(ops.ReuseVerdict(o[1].id, from_claim_id=s[0].id, reviewer="ana"))
    return {"seed": seed, "other": other, "verified": s[0].id, "disputed": s[1].id, "unsourced": s[2].id,
            "reused": o[1].id, "reused_from": s[0].id, "other_verified": o[0].id}


def hostile(store: Store) -> int:
    """An article whose every field tries to become markup, script or a formula; each claim reviewed."""
    article = store.import_text(HOSTILE).article_id
    for claim in store.claims(article, proposed_only=True):
        store.set_verdict(claim.id, "disputed", rationale="=1+1 <script>alert('rationale')</script>",
                          reviewer="<i onclick=alert(7)>ana</i>", sources=[HOSTILE_SOURCE])
    return article


def bulk(store: Store, articles: int, claims: int, sources: int = 2, per_call: int = 50) -> None:
    """Many reviewed claims quickly, through the store's backup import (no text analysis): `articles`
    articles of `claims` claims, each with a verdict and `sources` sources."""
    import datetime as dt

    from factcheck.export.records import ArticleEntry, ClaimEntry, SourceEntry, VerdictEntry

    labels = ("verified", "disputed", "unclear")
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    batch: list[ArticleEntry] = []
    for a in range(articles):
        rows = []
        for n in range(claims):
            when = start + dt.timedelta(minutes=a * claims + n)
            label = labels[(a + n) % 3]
            text = (f"Claim {n} of story {a}: the agency said {(a * 7 + n) % 97} percent of the budget "
                    f"went to roads in {2000 + n % 25}.")
            rows.append(ClaimEntry(
                id=a * claims + n + 1, position=n * 10, text=text, speaker="the agency" if n % 2 else None, score=0.7,
                reasons=("a number",), verdict=label, rationale=f"Checked against the {2000 + n % 25} accounts.",
                reviewer="ana", reviewed_at=when, created_at=when, updated_at=when, version=2,
                sources=tuple(SourceEntry(f"https://records{k}.example/{a}/{n}", f"Record {k} of {a}-{n}",
                                          "Agency", "", "2025-02-01", when) for k in range(sources)),
                history=(VerdictEntry(label, f"Checked against the {2000 + n % 25} accounts.", "ana", when),)))
        batch.append(ArticleEntry(id=a + 1, title=f"Story {a} about the budget", body=f"Story {a}. " * 5,
                                  outlet="Bench Post", url=f"https://benchpost.example/{a}", published="2025-01-01",
                                  imported_at=start, claims=tuple(rows)))
        if len(batch) == per_call:
            store.import_records(batch)
            batch = []
    if batch:
        store.import_records(batch)
