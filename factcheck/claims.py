"""Stable entry point for `score_sentence`; the scorer lives in factcheck.analysis.claims."""

from factcheck.analysis.claims import PROPOSE_THRESHOLD, Score, score_sentence

__all__ = ["PROPOSE_THRESHOLD", "Score", "score_sentence"]
