"""A web archive a browser saves ("Web Page, Single File": .mhtml, .mht) opened to its page.

The archive is a MIME message: the page's HTML is its first text/html part, followed by the
images and styles it used, which an article does not need. The standard library's email parser
reads it, undoing quoted-printable or base64 and the part's charset.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from factcheck.errors import IngestError


def archive_html(data: bytes, label: str) -> tuple[str, str]:
    """The page's HTML, and the address the browser saved it from ("" when not given)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.is_multipart() and \
            message.get_content_type() != "text/html":
        raise IngestError(f"{label} is not a web archive (no page inside it); save the page again "
                          "as \"Web Page, Single File\" or as .html")
    saved_from = str(message.get("Snapshot-Content-Location") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.is_multipart():
            continue
        try:
            html = part.get_content()
        except (LookupError, ValueError) as exc:  # an unknown charset, broken base64
            raise IngestError(f"{label} holds a page that cannot be decoded ({exc}); save the page again") from None
        if not isinstance(html, str):
            continue
        return html, saved_from or str(part.get("Content-Location") or "")
    raise IngestError(f"{label} is a web archive with no page inside it; save the page again "
                      "as \"Web Page, Single File\" or as .html")
