"""The one test of a web address: http or https with a sound host, the only kinds a link may be.

An address is kept in one normal form, so the same page typed twice is the same source: scheme
and host in lower case, a non-ASCII domain in its ASCII (IDNA) form, as browsers send it.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

MAX_LENGTH = 2048  # what browsers and servers reliably accept


class WebAddressError(ValueError):
    """Why a text is not an address a source may have; the text reads as a reason."""


def normalise_web_address(url: str) -> str:
    """The address in its normal form, or WebAddressError saying what is wrong with it."""
    url = url.strip()
    if len(url) > MAX_LENGTH:
        raise WebAddressError(f"it is {len(url):,} characters long (at most {MAX_LENGTH:,})")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise WebAddressError("it contains a space, a line break or a control character")
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for a port outside 0-65535 or not a number
    except ValueError as exc:
        raise WebAddressError(f"it cannot be read as an address ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise WebAddressError("only http and https addresses can be sources")
    host = parts.hostname or ""
    if not host or host.startswith(".") or ".." in host or any(c in host for c in "<>\"{}|\\^`%"):
        raise WebAddressError("it has no sound host name")
    if not host.startswith("["):
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise WebAddressError(f"its domain {host!r} is not a valid name") from None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def is_web_address(url: str) -> bool:
    """True for sound http(s) addresses with a host; `javascript:`, `file:` and bare words are not."""
    try:
        normalise_web_address(url)
    except WebAddressError:
        return False
    return True
