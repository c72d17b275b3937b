"""Resolution: turn what an expression says (a `Spec` from grammar.py) into a TIMEX3-style value.

Values follow specs/times.md. A day/month without a year is resolved by the tense of its
sentence against the reference date; comparative and anaphoric expressions ("so với tháng
trước", "cùng kỳ năm ngoái", "cùng ngày", a bare clock time) are resolved against the narrative
anchor: the last fully resolved date or time mentioned before them. Without a reference time,
what cannot be recovered is written with X ("XXXX-01-11").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta

import regex

from sukien.times import lunar

FUTURE_MARKERS = r"sẽ|dự\s+kiến|sắp|dự\s+định|theo\s+kế\s+hoạch|chuẩn\s+bị|tới\s+đây|dự\s+báo|theo\s+lịch|hẹn|mục\s+tiêu|khai\s+mạc\s+vào"
PAST_MARKERS = r"đã|vừa|từng|trước\s+đó|hồi"
TENSE_MARKERS = regex.compile(rf"(?<![\p{{L}}])(?:(?P<future>{FUTURE_MARKERS})|(?P<past>{PAST_MARKERS}))(?![\p{{L}}])",
                              regex.IGNORECASE)
SENTENCE_END = regex.compile(r"[.!?;](?=\s|$)|\n")
COMPARATIVE = regex.compile(r"(?:so\s+với|hơn|cùng\s+kỳ|của|với|từ)(?:\s+\S+){0,3}\s*$", regex.IGNORECASE)
# what may come before a mention that opens its clause: prepositions and framing words
CLAUSE_OPENING = regex.compile(r"[\s(\"“]*(?:(?:vào|lúc|từ|đến|tới|trong|sau|trước|đúng|cho|kể|tính|theo|cũng|hồi|"
                               r"mới\s+đây|trước\s+đó|sau\s+đó|đó|và|nhưng|rồi)\s+)*", regex.IGNORECASE)
DAY_VALUE = regex.compile(r"^(\d{4})-(\d\d)-(\d\d)")
YEAR_SHIFT = {"nay": 0, "này": 0, "ngoái": -1, "trước": -1, "qua": -1, "rồi": -1, "kia": -2, "tới": 1, "sau": 1}
RELDAYS = {"hôm nay": 0, "ngày hôm nay": 0, "hôm qua": -1, "ngày hôm qua": -1, "hôm kia": -2, "ngày hôm kia": -2,
           "ngày mai": 1, "ngày kia": 2, "hôm sau": 1, "ngày hôm sau": 1}


MARKER_REACH = 20  # a marker that starts this far before a clause still counts for it
# markers are words and the spaces between them: a marker that starts before a position ends
# before the first character after it that is neither
_NOT_IN_MARKER = regex.compile(r"[^\p{L}\s]")


def _scan_markers(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """The tense markers that start in [start, stop), exactly as a scan of the whole text finds them.

    No marker can start inside another (a marker's later words never begin one), so the markers
    found from `start` on are those of the whole text; the scan reads up to the first character
    after `stop` that no marker contains, so a marker that starts before `stop` is read whole."""
    limit = _NOT_IN_MARKER.search(text, stop)
    endpos = limit.end() if limit else len(text)
    return [(m.start(), m.end(), "future" if m.group("future") else "past")
            for m in TENSE_MARKERS.finditer(text, start, endpos) if m.start() < stop]


@dataclass
class Context:
    """What resolution needs to know about the text around a mention."""

    text: str
    ref: date | None
    _sentence_ends: list[int] | None = None
    # tense markers by sentence start: (markers, their starts), scanned when a mention there needs them
    _markers_by_sentence: dict[int, tuple[list[tuple[int, int, str]], list[int]]] = field(default_factory=dict)
    anchor_value: str | None = None
    anchor_day: date | None = None
    anchor_sentence: int = -1

    @classmethod
    def build(cls, text: str, ref: date | None) -> "Context":
        return cls(text, ref)

    @property
    def sentence_ends(self) -> list[int]:
        if self._sentence_ends is None:  # computed on first use: most texts never need it
            self._sentence_ends = [m.end() for m in SENTENCE_END.finditer(self.text)]
        return self._sentence_ends

    @property
    def markers(self) -> list[tuple[int, int, str]]:
        """Every tense marker of the text: (start, end, "future" or "past")."""
        return _scan_markers(self.text, 0, len(self.text))

    def sentence_markers(self, s0: int, s1: int) -> tuple[list[tuple[int, int, str]], list[int]]:
        """The markers that start within MARKER_REACH before the sentence [s0, s1) or inside it,
        and their starts: all that `_nearest_marker` may look at for a mention of this sentence."""
        found = self._markers_by_sentence.get(s0)
        if found is None:
            markers = _scan_markers(self.text, max(0, s0 - MARKER_REACH), s1)
            found = self._markers_by_sentence[s0] = (markers, [m[0] for m in markers])
        return found

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence holding `pos`: the number of sentence ends at or before it."""
        return bisect.bisect_right(self.sentence_ends, pos)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        start = self.sentence_ends[i - 1] if i > 0 else 0
        end = self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)
        return start, end

    def tense(self, start: int, end: int) -> str | None:
        """'past' or 'future' from the tense markers around the mention, else None.

        A marker in the mention's own clause decides. A mention that opens its clause ("Ngày
        20/3, bộ đã ...") takes the nearest marker of the sentence; one at the end of a clause of
        its own ("..., có hiệu lực từ ngày 1/6") does not borrow another clause's tense."""
        c0, c1 = self.clause_bounds(start, end)
        own = self._nearest_marker(start, end, c0, c1)
        if own is not None or not CLAUSE_OPENING.fullmatch(self.text, c0, start):
            return own
        s0, s1 = self.sentence_bounds(start)
        return self._nearest_marker(start, end, s0, s1)

    def clause_bounds(self, start: int, end: int) -> tuple[int, int]:
        s0, s1 = self.sentence_bounds(start)
        left = max(self.text.rfind(c, s0, start) for c in ",;:")
        rights = [i for i in (self.text.find(c, end, s1) for c in ",;:") if i >= 0]
        return (left + 1 if left >= 0 else s0), (min(rights) if rights else s1)

    def _nearest_marker(self, start: int, end: int, s0: int, s1: int) -> str | None:
        best, best_distance = None, None
        markers, starts = self.sentence_markers(*self.sentence_bounds(start))
        first = bisect.bisect_left(starts, s0 - MARKER_REACH)
        for m_start, m_end, kind in markers[first:]:
            if m_start >= s1:
                break
            if m_end <= s0 or (start <= m_start < end):
                continue
            distance = start - m_end if m_end <= start else m_start - end
            if best_distance is None or distance < best_distance:
                best, best_distance = kind, distance
        return best

    def comparative(self, start: int) -> bool:
        """True when the anchor was set in this sentence or the words before compare periods."""
        if self.anchor_value is None:
            return False
        if self.anchor_sentence == self.sentence_index(start):
            return True
        return bool(COMPARATIVE.search(self.text[max(0, start - 30):start]))

    def update_anchor(self, value: str, start: int) -> None:
        if "X" in value or value.startswith("P"):
            return
        self.anchor_value = value
        self.anchor_sentence = self.sentence_index(start)
        m = DAY_VALUE.match(value)
        if m:
            self.anchor_day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# ---------------------------------------------------------------- formatting

def fmt_day(d: date | None, month: int | None = None, day: int | None = None) -> str:
    if d is not None:
        return d.isoformat()
    return f"XXXX-{month:02d}-{day:02d}" if month and day else "XXXX-XX-XX"


def fmt_year(y: int | None) -> str:
    return f"{y:04d}" if y is not None else "XXXX"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def pick_by_tense(ref: date, make, tense: str | None):
    """The candidate (from the years around ref) in the direction of the tense, or the nearest."""
    options = [(key, value) for key, value in (make(y) for y in (ref.year - 1, ref.year, ref.year + 1)) if key is not None]
    if not options:
        return None
    now = ref.toordinal()
    if tense == "past":
        past = [o for o in options if o[0] <= now]
        if past:
            return max(past, key=lambda o: o[0])[1]
    if tense == "future":
        future = [o for o in options if o[0] >= now]
        if future:
            return min(future, key=lambda o: o[0])[1]
    return min(options, key=lambda o: (abs(o[0] - now), o[0]))[1]


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def monday(d: date) -> date:
    return d - timedelta(days=d.isoweekday() - 1)


# ---------------------------------------------------------------- resolution


def resolve(spec: dict, ctx: Context, start: int, end: int) -> tuple[str, str] | None:
    """(type, value) of a candidate, or None when it cannot be resolved at all."""
    kind = spec["kind"]
    if kind == "literal":
        return spec["type"], spec["value"]
    if kind == "range":
        return resolve_range(spec, ctx, start, end)
    if kind == "shift":
        return "DATE", resolve_shift(spec, ctx)
    if kind == "same_period":
        return "DATE", resolve_same_period(spec, ctx)
    if kind == "months_of_year":
        return "DATE", resolve_months_of_year(spec, ctx)
    value = resolve_point(spec, ctx, start, end)
    if value is None:
        return None
    return ("TIME" if "T" in value.split("/")[0] else "DATE"), value


def resolve_range(spec: dict, ctx: Context, start: int, end: int) -> tuple[str, str] | None:
    a, b = dict(spec["a"]), dict(spec["b"])
    date_keys = ("day", "month", "year", "year_rel", "relday", "weekday", "week_rel", "lunar")
    if "hour" in a and not any(k in a for k in date_keys):  # "8h đến 11h ngày 21/9"
        a.update({k: b[k] for k in date_keys if k in b})
    if "hour" in b and not any(k in b for k in date_keys):  # "8h ngày 21/9 đến 11h"
        b.update({k: a[k] for k in date_keys if k in a})
    for key in ("year", "year_rel"):  # a year written once applies to both ends
        if key in b and "year" not in a and "year_rel" not in a:
            a[key] = b[key]
    if "day" in a and "month" not in a and "month" in b:  # "ngày 24 đến 31/7"
        a["month"] = b["month"]
    tense = a.get("tense") or b.get("tense") or ctx.tense(start, end)
    vb = resolve_point(b, ctx, start, end, tense=tense)
    if vb is None:
        return None
    year_b = DAY_VALUE.match(vb) or regex.match(r"^(\d{4})", vb)
    forced = None
    if year_b and "year" not in spec["a"] and "year_rel" not in spec["a"] and "relday" not in a:
        forced = int(year_b.group(1))
    va = resolve_point(a, ctx, start, end, tense=tense, year=forced)
    if va is None:
        return None
    if forced is not None and va[:10] > vb[:10] and len(va) >= 7 and len(vb) >= 7:
        va = resolve_point(a, ctx, start, end, tense=tense, year=forced - 1) or va
    kind = "TIME" if "T" in va or "T" in vb else "DATE"
    return kind, f"{va}/{vb}"


def _year(spec: dict, ctx: Context, start: int) -> tuple[bool, int | None]:
    """(written, year): the year the spec names, if it names one; None when it cannot be known."""
    if "year" in spec:
        return True, spec["year"]
    rel = spec.get("year_rel")
    if rel is None:
        return False, None
    if rel in ("ấy", "đó"):
        return True, None
    if rel == "cùng":  # "tháng 8 cùng năm": the year of the narrative anchor
        if ctx.anchor_value and ctx.anchor_value[:4].isdigit():
            return True, int(ctx.anchor_value[:4])
        return True, ctx.ref.year if ctx.ref else None
    if rel == "trước" and ctx.comparative(start) and ctx.anchor_value and ctx.anchor_value[:4].isdigit():
        return True, int(ctx.anchor_value[:4]) - 1
    if ctx.ref is None:
        return True, None
    return True, ctx.ref.year + YEAR_SHIFT.get(rel, 0)


def resolve_point(spec: dict, ctx: Context, start: int, end: int, tense: str | None = None,
                  year: int | None = None) -> str | None:
    tense = spec.get("tense") or tense or ctx.tense(start, end)
    if spec.get("lunar"):
        day_value = resolve_lunar(spec, ctx, year)
    else:
        day_value = resolve_solar(spec, ctx, start, tense, year)
    if day_value is None:
        return None
    if "hour" in spec:
        hour = spec["hour"]
        pod = spec.get("pod")
        if pod in ("AF", "EV") and hour < 12 or pod == "NI" and 6 <= hour < 12 or pod == "MI" and hour < 6:
            hour += 12
        return f"{day_value}T{hour:02d}:{spec.get('minute', 0):02d}"
    if "pod" in spec:
        return f"{day_value}T{spec['pod']}"
    return day_value


def resolve_solar(spec: dict, ctx: Context, start: int, tense: str | None, forced_year: int | None) -> str | None:
    ref = ctx.ref
    if "relday" in spec:
        offset = RELDAYS.get(spec["relday"], 0)
        if spec["relday"] in ("hôm sau", "ngày hôm sau", "hôm trước", "ngày hôm trước"):  # from the narrative date
            base = ctx.anchor_day or ref
            return fmt_day(base + timedelta(days=1 if spec["relday"].endswith("sau") else -1) if base else None)
        return fmt_day(ref + timedelta(days=offset) if ref else None)
    if spec.get("sameday"):  # "15h cùng ngày": the narrative date
        return fmt_day(ctx.anchor_day or ref)
    written, year = _year(spec, ctx, start)
    if forced_year is not None and not written:
        written, year = True, forced_year
    if "day" in spec and "month" in spec:
        month, day = spec["month"], spec["day"]
        if written:
            return fmt_day(safe_date(year, month, day) if year else None, month, day)
        if ref is None:
            return fmt_day(None, month, day)
        picked = pick_by_tense(ref, lambda y: ((d := safe_date(y, month, day)) and d.toordinal(), d), tense)
        return fmt_day(picked, month, day)
    if "weekday" in spec:
        return resolve_weekday(spec, ref, tense)
    if "hour" in spec:  # a bare clock time takes the narrative date, else the reference date
        return fmt_day(ctx.anchor_day or ref)
    if "month" in spec:
        month = spec["month"]
        if written:
            return f"{fmt_year(year)}-{month:02d}"
        if ref is None:
            return f"XXXX-{month:02d}"
        picked = pick_by_tense(ref, lambda y: (date(y, month, 1).toordinal() if (y, month) != (ref.year, ref.month)
                                               else ref.toordinal(), y), tense)
        return f"{picked}-{month:02d}"
    if "month_rel" in spec:
        rel = spec["month_rel"]
        shift = {"trước": -1, "qua": -1, "vừa qua": -1, "này": 0, "tới": 1, "sau": 1}[rel]
        base = _anchor_month(ctx) if shift < 0 and ctx.comparative(start) else None
        if base is None:
            if ref is None:
                return "XXXX-XX"
            base = (ref.year, ref.month)
        y, m = add_months(base[0], base[1], shift)
        return f"{y}-{m:02d}"
    grain = spec.get("grain")
    if grain == "quarter":
        return resolve_quarter(spec, ctx, start, year, written)
    if grain == "half":
        y = year if written else (ref.year if ref else None)
        return f"{fmt_year(y)}-H{spec['half']}"
    if grain == "season":
        if "season_rel" in spec:
            return season_around(spec["season"], ref, spec["season_rel"] == "future")
        y = year if written else (ref.year if ref else None)
        return f"{fmt_year(y)}-{spec['season']}"
    if grain == "week":
        return resolve_week(spec, ref, tense, year, written)
    if grain == "year":
        if written:
            return fmt_year(year)
        return fmt_year(ref.year if ref else None)  # a bare "đầu năm", "cuối năm"
    return None


# the months a season covers, as (first, last) with months of the next year counted on from 13
SEASON_MONTHS = {"SP": (2, 4), "SU": (5, 8), "FA": (8, 10), "WI": (11, 13)}


def season_around(season: str, ref: date | None, future: bool) -> str:
    """"mùa hè tới" / "hè vừa qua": the first season of that name after ref, or the last one before it."""
    if ref is None:
        return f"XXXX-{season}"
    first, last = SEASON_MONTHS[season]
    now = ref.year * 12 + ref.month
    if future:
        year = ref.year if ref.year * 12 + first > now else ref.year + 1
    else:
        year = ref.year if ref.year * 12 + last < now else ref.year - 1
    return f"{year}-{season}"


def _anchor_month(ctx: Context) -> tuple[int, int] | None:
    m = regex.match(r"^(\d{4})-(\d\d)(?!\d)", ctx.anchor_value or "")
    if m:
        return int(m.group(1)), int(m.group(2))
    q = regex.match(r"^(\d{4})-Q(\d)", ctx.anchor_value or "")
    if q:
        return int(q.group(1)), int(q.group(2)) * 3 - 2
    return None


def resolve_quarter(spec: dict, ctx: Context, start: int, year: int | None, written: bool) -> str:
    ref = ctx.ref
    if "quarter" in spec:
        y = year if written else (ref.year if ref else None)
        return f"{fmt_year(y)}-Q{spec['quarter']}"
    shift = {"trước": -1, "qua": -1, "vừa qua": -1, "này": 0, "tới": 1, "sau": 1}[spec["quarter_rel"]]
    base = None
    if shift < 0 and ctx.comparative(start):
        anchor = ctx.anchor_value or ""
        q = regex.match(r"^(\d{4})-Q(\d)", anchor)
        mm = _anchor_month(ctx)
        if q:
            base = (int(q.group(1)), int(q.group(2)))
        elif mm:
            base = (mm[0], (mm[1] - 1) // 3 + 1)
    if base is None:
        if ref is None:
            return "XXXX-QX"
        base = (ref.year, (ref.month - 1) // 3 + 1)
    index = base[0] * 4 + base[1] - 1 + shift
    return f"{index // 4}-Q{index % 4 + 1}"


def resolve_week(spec: dict, ref: date | None, tense: str | None, year: int | None, written: bool) -> str:
    suffix = "-WE" if spec.get("weekend") else ""
    if "week" in spec:
        y = year if written else (ref.isocalendar()[0] if ref else None)
        return f"{fmt_year(y)}-W{spec['week']:02d}{suffix}"
    if ref is None:
        return "XXXX-WXX" + suffix
    rel = spec.get("week_rel")
    if rel is None:  # a bare "cuối tuần": the coming one, or the last one in past narration
        shift = -1 if tense == "past" and ref.isoweekday() < 6 else 0
    else:
        shift = {"trước": -1, "qua": -1, "vừa qua": -1, "này": 0, "tới": 1, "sau": 1}[rel]
    return iso_week(ref + timedelta(weeks=shift)) + suffix


def resolve_weekday(spec: dict, ref: date | None, tense: str | None) -> str:
    wd = spec["weekday"]
    if ref is None:
        return f"XXXX-WXX-{wd}"
    rel = spec.get("week_rel")
    today = ref.isoweekday()
    if rel and rel.startswith("tuần"):
        shift = {"trước": -1, "qua": -1, "vừa qua": -1, "này": 0, "sau": 1, "tới": 1}[rel.split(None, 1)[1]]
        return (monday(ref) + timedelta(weeks=shift, days=wd - 1)).isoformat()
    if rel == "tới":
        return (ref + timedelta(days=(wd - today - 1) % 7 + 1)).isoformat()
    if rel == "vừa qua":
        return (ref - timedelta(days=(today - wd - 1) % 7 + 1)).isoformat()
    if rel == "này":
        return (monday(ref) + timedelta(days=wd - 1)).isoformat()
    if tense == "future":
        return (ref + timedelta(days=(wd - today) % 7)).isoformat()
    return (ref - timedelta(days=(today - wd) % 7)).isoformat()


def _lunar_year(spec: dict, ctx: Context, forced: int | None) -> int | None:
    if forced is not None:
        return forced
    if "canchi" in spec:
        if ctx.ref is None and "year" not in spec:
            return None
        return lunar.can_chi_year(spec["canchi"], spec.get("year") or ctx.ref.year)
    if "year" in spec:
        return spec["year"]
    if "year_rel" in spec:
        if ctx.ref is None or spec["year_rel"] in ("ấy", "đó"):
            return None
        return ctx.ref.year + YEAR_SHIFT.get(spec["year_rel"], 0)
    return None


def _nearest(ref: date, make) -> date | None:
    options = [d for d in (make(y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d is not None]
    return min(options, key=lambda d: abs(d.toordinal() - ref.toordinal())) if options else None


def resolve_lunar(spec: dict, ctx: Context, forced: int | None) -> str | None:
    ref = ctx.ref
    year = _lunar_year(spec, ctx, forced)
    if spec.get("eve"):
        if year is not None:
            # the eve of lunar year Y; "năm nay" names the lunar year the reference date is in
            if spec.get("year_rel") in ("nay", "này") and ref is not None:
                year = lunar.solar_to_lunar(ref)[2]
            return fmt_day(lunar.tet(year + 1) - timedelta(days=1))
        if ref is None:
            return "XXXX-XX-XX"
        return fmt_day(_nearest(ref, lambda y: lunar.tet(y) - timedelta(days=1)))
    if "tet_day" in spec or "chap_day" in spec:
        if ref is None and year is None:
            return "XXXX-XX-XX"
        tet_year = year if year is not None else _nearest(ref, lunar.tet).year
        if "tet_day" in spec:
            return fmt_day(lunar.tet(tet_year) + timedelta(days=spec["tet_day"] - 1))
        d = lunar.lunar_to_solar(spec["chap_day"], 12, tet_year - 1) or lunar.tet(tet_year) - timedelta(days=1)
        return fmt_day(d)
    month = spec.get("month")
    day = spec.get("day")
    if month is None:
        return None
    if day is None:  # a lunar month: the solar interval it covers
        def interval(y: int) -> tuple[date, date] | None:
            first = lunar.lunar_to_solar(1, month, y)
            if first is None:
                return None
            return first, first + timedelta(days=lunar.lunar_month_length(month, y) - 1)
        if year is None:
            if ref is None:
                return None
            spans = [s for s in (interval(y) for y in (ref.year - 1, ref.year, ref.year + 1)) if s]
            span = min(spans, key=lambda s: 0 if s[0] <= ref <= s[1] else min(abs((s[0] - ref).days), abs((s[1] - ref).days)))
        else:
            span = interval(year)
        return f"{span[0].isoformat()}/{span[1].isoformat()}" if span else None
    if spec.get("year_rel") in ("nay", "này") and forced is None and ref is not None:
        # "23 tháng Chạp năm nay" in April 2024: the lunar year that began this solar year has its
        # Chạp next January, so "this year" names the occurrence nearest to ref, as with no year
        year = None
    if year is None:
        if ref is None:
            return "XXXX-XX-XX"
        return fmt_day(_nearest(ref, lambda y: lunar.lunar_to_solar(day, month, y)))
    d = lunar.lunar_to_solar(day, month, year)
    return fmt_day(d) if d else None


def resolve_shift(spec: dict, ctx: Context) -> str:
    unit, amount = spec["unit"], spec["amount"]
    if spec.get("anchored"):
        if unit in ("D", "W"):
            base = ctx.anchor_day or ctx.ref
            if base is None:
                return "XXXX-XX-XX"
            return (base + timedelta(days=amount * (7 if unit == "W" else 1))).isoformat()
        anchor = ctx.anchor_value or ""
        if unit == "Y" and anchor[:4].isdigit():  # "Năm 1857 ... 130 năm sau" -> 1987
            return fmt_year(int(anchor[:4]) + amount)
        month = _anchor_month(ctx)
        if unit == "M" and month:
            y, m = add_months(month[0], month[1], amount)
            return f"{y}-{m:02d}"
        # "130 năm sau" with nothing dated before it: the year is unknown
        return {"Y": "XXXX", "M": "XXXX-XX"}.get(unit, "XXXX-XX-XX")
    else:
        base = ctx.ref
        if base is None:
            return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    if unit == "Y":
        return fmt_year(base.year + amount)
    if unit == "M":
        y, m = add_months(base.year, base.month, amount)
        return f"{y}-{m:02d}"
    if unit == "W":
        return iso_week(base + timedelta(weeks=amount))
    return (base + timedelta(days=amount)).isoformat()


def resolve_same_period(spec: dict, ctx: Context) -> str:
    anchor = ctx.anchor_value if ctx.anchor_value and ctx.anchor_value[:4].isdigit() else None
    if anchor is None:
        if "year" in spec:
            return fmt_year(spec["year"])
        return fmt_year(ctx.ref.year + spec["year_shift"] if ctx.ref else None)
    anchor_year = int(anchor[:4])
    target = spec.get("year", anchor_year + spec.get("year_shift", -1))
    return anchor.replace(str(anchor_year), fmt_year(target))


def resolve_months_of_year(spec: dict, ctx: Context) -> str:
    written, year = _year(spec, ctx, 0)
    if not written:
        year = ctx.ref.year if ctx.ref else None
    y = fmt_year(year)
    n, first = spec["n"], spec.get("pos", "đầu") == "đầu"
    if n == 12:
        return y
    if n == 6:
        return f"{y}-H{1 if first else 2}"
    if n == 3:
        return f"{y}-Q{1 if first else 4}"
    if n == 1:
        return f"{y}-{1 if first else 12:02d}"
    if first:
        return f"{y}-01/{y}-{n:02d}"
    return f"{y}-{13 - n:02d}/{y}-12"
