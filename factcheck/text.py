"""Stable entry point for `split_sentences`; the splitter lives in factcheck.analysis.sentences."""

from factcheck.analysis.sentences import Span, split_sentences

__all__ = ["Span", "split_sentences"]
