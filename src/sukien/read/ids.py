"""Stable article ids: the input's own id, else a hash of the URL, else of the content."""

from __future__ import annotations

import hashlib

from sukien.text import match_key


def content_id(text: str) -> str:
    """Same text (up to normalisation, spacing and tone-mark style) gives the same id."""
    key = " ".join(match_key(text).split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def url_id(url: str) -> str:
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]
