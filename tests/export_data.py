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
    'https://evil.example/s?q="><img src=x onerror=alert(3)>',
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
