"""Vietnamese text primitives shared by every stage."""

from sukien.text.normalize import fold_accents, normalize, normalize_tone_marks, search_key, syllables, match_key

__all__ = ["normalize", "normalize_tone_marks", "fold_accents", "syllables", "match_key", "search_key"]
