"""HTML pages (main text, title and date by trafilatura) and HTML fragments (feed entries)."""

from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Any

import lxml.html
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura import bare_extraction

from shuraka.errors import MalformedInputError
from shuraka.ingest.base import build_document
from shuraka.ingest.decode import decode
from shuraka.model import Document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer "
    "pre figure figcaption dd dt".split()
)


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` tag declares in the head of the page, if Python knows it."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m[1].decode("ascii")).name
    except LookupError:
        return None


def _extract(markup: str) -> dict[str, Any]:
    """trafilatura's main text and metadata, with no footer-year dates (extensive search off)."""
    params = {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}
    try:
        found = bare_extraction(
            markup, include_comments=False, with_metadata=True, deduplicate=False,
            date_extraction_params=params,
        )
    except Exception as exc:  # a third-party parser on arbitrary input: any failure is malformed input
        raise MalformedInputError(f"the HTML could not be parsed ({type(exc).__name__})") from exc
    if found is None:
        return {}
    return found if isinstance(found, dict) else found.as_dict()


def read_html(data: bytes, source: str) -> Document:
    """One Document from an HTML page; MalformedInputError when no article text is found."""
    found = _extract(decode(data, declared_charset(data)))
    text = (found.get("text") or "").strip()
    if not text:
        raise MalformedInputError("no article text could be extracted from the HTML")
    return build_document(text, source=source, title=found.get("title"), published=found.get("date"))


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, spaces collapsed."""
    if "<" not in markup:
        return markup
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, XMLSyntaxError, ValueError):
        return ""
    for junk in root.xpath(".//script|.//style"):
        junk.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
