"""Bytes to text: refuse binary files, decode UTF-8, fall back to legacy encodings."""

from __future__ import annotations

from sukien.text import normalize


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Text and warnings; raises ValueError saying why the bytes are not text."""
    try:
        from sukien.text.legacy import decode_bytes as decode_legacy_aware
    except ImportError:  # the legacy-encoding module is optional
        decode_legacy_aware = None
    if decode_legacy_aware is not None:
        text, warnings = decode_legacy_aware(data)
        return normalize(text), warnings
    if looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start + 1]!r})") from None
    return normalize(text), []
