"""Where J and K go: the next or previous claim in the list, or, when the claim on screen has left
the list (dismissed, un-proposed by an undo, removed), the one after or before its place."""

from __future__ import annotations

from factcheck.records import ClaimRecord

# Where the last claim shown sat: (article id, position in the article).
Anchor = tuple[int, int]


def neighbour_claim(visible: list[ClaimRecord], current_id: int | None, anchor: Anchor | None,
                    article_id: int | None, step: int) -> int | None:
    """The id of the claim `step` away, or None past either end of the list."""
    ids = [c.id for c in visible]
    if not ids:
        return None
    if current_id in ids:
        index = ids.index(current_id) + step
        return ids[index] if 0 <= index < len(ids) else None
    if anchor is None or anchor[0] != article_id:
        return ids[0]
    place = anchor[1]
    if step > 0:
        return next((c.id for c in visible if c.position > place), None)
    return next((c.id for c in reversed(visible) if c.position < place), None)
