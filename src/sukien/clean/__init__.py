"""The clean stage: scraped pages (text dumps, HTML, structured records) -> clean Articles.

`clean_text` parses a plain-text page, `clean_html` an HTML page (trafilatura extracts the
text and metadata, then the same rules run), `CleanStage` applies them to a stream of Articles
and tidies structured input. `parse_dateline` reads Vietnamese datelines; `clean_page` picks
the parser for bytes or text and `to_record` gives the JSON object `sukien clean` prints.
"""

from sukien.clean.dateline import parse_dateline
from sukien.clean.html import clean_html
from sukien.clean.page import clean_text
from sukien.clean.record import clean_page, to_record
from sukien.clean.stage import CleanStage

__all__ = ["clean_text", "clean_html", "clean_page", "to_record", "CleanStage", "parse_dateline"]
