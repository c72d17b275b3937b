"""Vietnamese temporal expressions: find them, normalise them (solar and lunar), anchor them.

`find(text, ref)` returns `TimeMention`s whose offsets index the NFC-normalised text
(`sukien.text.normalize(text)`; the pipeline passes `Article.text`, which is already normalised,
so offsets index it directly). Values follow specs/times.md; without `ref`, what cannot be
recovered is written with X ("XXXX-01-11").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import regex

from sukien.model import TimeMention
from sukien.text import normalize
from sukien.times import grammar
from sukien.times.resolve import Context, resolve

VIETNAM = timezone(timedelta(hours=7))

__all__ = ["find", "find_normalized", "mentions_to_json", "reference_date"]


def reference_date(ref: datetime | date | None) -> date | None:
    """The calendar date of `ref` in Vietnam (UTC+7); naive datetimes are taken as local time."""
    if ref is None:
        return None
    if isinstance(ref, datetime):
        if ref.tzinfo is not None:
            ref = ref.astimezone(VIETNAM)
        return ref.date()
    if isinstance(ref, date):
        return ref
    return None


def find(text: str, ref: datetime | date | None = None) -> list[TimeMention]:
    """Temporal expressions of `text`, resolved against `ref`; offsets index normalize(text)."""
    if not isinstance(text, str) or not text:
        return []
    return find_normalized(normalize(text), ref)


def find_normalized(text: str, ref: datetime | date | None = None) -> list[TimeMention]:
    """As `find`, for text that is already normalised (such as `Article.text`)."""
    try:
        ref_date = reference_date(ref)
    except (TypeError, ValueError, OverflowError):
        ref_date = None
    chosen = grammar.merge_ranges(text, grammar.attach_parts_of_day(text, grammar.select(grammar.candidates(text))))
    if not chosen:
        return []
    ctx = Context.build(text, ref_date)
    mentions: list[TimeMention] = []
    for cand in chosen:
        try:
            resolved = resolve(cand.spec, ctx, cand.start, cand.end)
        except (ValueError, OverflowError, KeyError, TypeError):
            resolved = None
        if resolved is None:
            continue
        kind, value = resolved
        mentions.append(TimeMention(cand.start, cand.end, text[cand.start:cand.end], kind, value))
        if kind in ("DATE", "TIME") and _sets_anchor(cand.spec) and not _cutoff_after_anchor(text, cand.start, ctx):
            ctx.update_anchor(value, cand.start)
    _fill_from_appositions(text, mentions)
    return mentions


_CUTOFF_BEFORE = regex.compile(r"\btính\s+(?:đến|tới)(?:\s+hết)?\s*$", regex.IGNORECASE)


def _cutoff_after_anchor(text: str, start: int, ctx: Context) -> bool:
    """"6 tháng đầu năm (tính đến ngày 19-6) ... cùng kỳ năm ngoái": a cut-off date does not replace
    the period that the same sentence has just named; alone, it is the anchor."""
    return (ctx.anchor_value is not None and ctx.anchor_sentence == ctx.sentence_index(start)
            and bool(_CUTOFF_BEFORE.search(text, max(0, start - 16), start)))


def _sets_anchor(spec: dict) -> bool:
    """Whether a mention becomes the narrative anchor: dated by the text, not read off the anchor."""
    if spec.get("rule") in ("decade", "century") or spec.get("kind") in ("same_period", "shift"):
        return False
    if "month_rel" in spec or "quarter_rel" in spec or "week_rel" in spec and "weekday" not in spec:
        return False
    return spec.get("year_rel") != "trước"


def _fill_from_appositions(text: str, mentions: list[TimeMention]) -> None:
    """"Hôm qua (11/1)" without a reference time: the relative word takes the written date, and
    so does the same word ("hôm qua") later in the text."""
    learned: dict[str, str] = {}
    for first, second in zip(mentions, mentions[1:]):
        gap = text[first.end:second.start]
        if gap.strip() in ("(", ",") and _weekday_matches(first, second):
            first.value = second.value  # "thứ tư (20/9)": the written date says which Wednesday
            continue
        if not first.value.startswith("XXXX-XX-XX"):
            continue
        if gap.strip() not in ("(", ",", ", tức", "(tức") or second.type != "DATE":
            continue
        if len(second.value) == 10:
            first.value = second.value + first.value[10:]
            learned[_day_word(first.text)] = second.value
    for mention in mentions:
        day = learned.get(_day_word(mention.text))
        if day and mention.value.startswith("XXXX-XX-XX"):
            mention.value = day + mention.value[10:]


def _weekday_matches(first: TimeMention, second: TimeMention) -> bool:
    """A bare weekday ("thứ tư", "Chủ nhật") followed by a full date that falls on that weekday."""
    words = " ".join(first.text.lower().split())
    number = grammar.WEEKDAYS.get(words.removeprefix("thứ ")) if words.startswith(("thứ ", "chủ nhật")) else None
    if number is None or first.type != "DATE" or second.type != "DATE" or len(second.value) != 10:
        return False
    try:
        return date.fromisoformat(second.value).isoweekday() == number
    except ValueError:
        return False


def _day_word(text: str) -> str:
    """The relative-day words of a mention ("Sáng nay" -> "nay", "hôm qua" -> "qua")."""
    words = text.lower().split()
    return words[-1] if words else ""


def mentions_to_json(mentions: list[TimeMention]) -> list[dict]:
    """Plain dicts (start, end, text, type, value) for JSON output."""
    return [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value} for m in mentions]


from sukien.times.stage import TimesStage  # noqa: E402  (imports find_normalized from this module)

__all__.append("TimesStage")
