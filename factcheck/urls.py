"""The one test of a web address: http or https with a host, the only kinds a link may be."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_address(url: str) -> bool:
    """True for http(s) addresses with a host; `javascript:`, `file:` and bare words are not."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
