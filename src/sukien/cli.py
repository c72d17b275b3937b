"""The command line: `sukien run`, `events`, `show`, `export`, `report` and filter commands."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from sukien import pipeline as pipeline_module
from sukien.export import article_record, event_record
from sukien.store import Store

app = typer.Typer(help="sukien: Vietnamese news into events, storylines, summaries and timelines.",
                  no_args_is_help=True, add_completion=False)
console = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file")]
_LABELS = {"read": "Đọc tệp", "articles": "Xử lý bài", "summaries": "Tóm tắt sự kiện"}


class RichProgress(pipeline_module.Progress):
    """Progress bars with rate and ETA on stderr; quiet when stderr is not a terminal."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.tasks: dict[str, int] = {}

    def start(self, task: str, total: int | None) -> None:
        self.tasks[task] = self.progress.add_task(_LABELS.get(task, task), total=total)

    def advance(self, task: str, amount: int = 1) -> None:
        if task not in self.tasks:
            self.start(task, None)
        self.progress.advance(self.tasks[task], amount)

    def finish(self, task: str) -> None:
        if task in self.tasks:
            t = self.progress.tasks[self.tasks[task]]
            self.progress.update(self.tasks[task], total=t.completed)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=console, transient=False, disable=not console.is_terminal)


def _open_store(db: Path, readonly: bool = True) -> Store:
    if readonly and not db.exists():
        console.print(f"[red]error:[/] {db}: no such store (create it with `sukien run FILES --db {db}`)")
        raise typer.Exit(2)
    return Store(db, readonly=readonly)


def _parse_ref(ref: str | None) -> datetime | None:
    if not ref:
        return None
    try:
        from sukien.read.jsonl import parse_published

        value = parse_published(ref)
    except ValueError:
        value = None
    if value is None:
        raise typer.BadParameter(f"not an ISO 8601 date/time: {ref!r}")
    return value


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="files, folders or globs: .txt, .jsonl[.gz], .html, .warc[.gz]")],
    db: DbOption = Path("sukien.db"),
    batch_size: Annotated[int, typer.Option(help="articles per transaction")] = 500,
    ref: Annotated[Optional[str], typer.Option(help="reference time for articles without a trustworthy date")] = None,
    summary_tokens: Annotated[int, typer.Option(help="summary length in syllables")] = pipeline_module.DEFAULT_SUMMARY_TOKENS,
    executor: Annotated[str, typer.Option(help="local, dask (a running cluster) or dask-local")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="dask scheduler address, tcp://HOST:PORT")] = None,
    workers: Annotated[int, typer.Option(help="workers of a dask-local cluster")] = 2,
):
    """Ingest articles and update events, storylines, summaries and timelines in the store."""
    from sukien.executors import make_executor

    try:
        runner = make_executor(executor, scheduler=scheduler, workers=workers)
    except (ValueError, OSError) as err:
        console.print(f"[red]error:[/] {err}")
        raise typer.Exit(2)
    store = Store(db)
    try:
        with _progress() as bars:
            job = pipeline_module.Pipeline(store, batch_size=batch_size, progress=RichProgress(bars),
                                           summary_tokens=summary_tokens, user_ref=_parse_ref(ref), executor=runner)
            report = job.run(paths)
    finally:
        runner.close()
    for error in report.errors:
        console.print(f"[yellow]skipped[/] {error}")
    console.print(
        f"{report.files} files, {report.read} articles read, {report.added} added, {report.skipped} already stored; "
        f"{report.events} events, {report.storylines} storylines in {db}"
    )
    store.close()


@app.command()
def events(db: DbOption = Path("sukien.db"), limit: Annotated[int, typer.Option(help="how many")] = 50,
           as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table")] = False):
    """List events, newest first."""
    store = _open_store(db)
    listed = store.list_events(limit=limit)
    if as_json:
        out.print_json(data=[event_record(e, store) for e in listed])
        return
    out.print(f"[bold]{store.count_events()} sự kiện[/] (hiển thị {len(listed)})\n")
    for e in listed:
        when = e.date or (e.last_published.date().isoformat() if e.last_published else "không rõ ngày")
        out.print(f"[bold]{e.title}[/]")
        out.print(f"  [dim]{e.id} · {when} · {len(e.article_ids)} bài"
                  + (f" · chuỗi {e.storyline_id}" if e.storyline_id else "") + "[/]")
        summary = e.summary_text
        out.print("  " + (summary[:300] + "…" if len(summary) > 300 else summary) + "\n")


@app.command()
def show(event_id: str, db: DbOption = Path("sukien.db"),
         as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text")] = False):
    """Show one event: summary with sources, timeline, entities, articles."""
    store = _open_store(db)
    event = store.get_event(event_id)
    if event is None:
        console.print(f"[red]error:[/] no event {event_id!r} in {db}")
        raise typer.Exit(1)
    record = event_record(event, store)
    if as_json:
        out.print_json(data=record)
        return
    articles = {a.id: a for a in store.articles_for_event(event_id, with_mentions=False)}
    order = {article_id: i + 1 for i, article_id in enumerate(event.article_ids)}
    out.print(f"[bold]{event.title}[/]  ({event.id})")
    if event.date:
        out.print(f"Ngày diễn ra: {event.date}")
    if event.storyline_id:
        out.print(f"Chuỗi sự kiện: {event.storyline_id}")
    out.print("\n[bold]Tóm tắt[/]")
    for s in event.summary:
        out.print(f"  {s.text} [dim][{order.get(s.article_id, '?')}][/]")
    if event.timeline:
        out.print("\n[bold]Dòng thời gian[/]")
        for t in event.timeline:
            out.print(f"  {t.value}: {t.text}")
    if record["entities"]:
        out.print("\n[bold]Thực thể[/]")
        for e in record["entities"]:
            aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
            out.print(f"  {e['name']} ({e['type']})" + (f" — {aliases}" if aliases else ""))
    out.print("\n[bold]Bài báo[/]")
    for article_id in event.article_ids:
        a = articles[article_id]
        when = a.published.strftime("%d/%m/%Y %H:%M") if a.published else "?"
        out.print(f"  [{order[article_id]}] {a.title} — {a.outlet or ''} {when} ({a.id})")


@app.command()
def export(db: DbOption = Path("sukien.db"),
           what: Annotated[str, typer.Option(help="articles or events")] = "events",
           format: Annotated[str, typer.Option(help="jsonl or json")] = "jsonl",
           output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file (default: stdout)")] = None):
    """Export articles or events as JSON Lines or one JSON array."""
    if what not in ("articles", "events") or format not in ("jsonl", "json"):
        raise typer.BadParameter("--what is articles|events and --format jsonl|json")
    store = _open_store(db)
    if what == "articles":
        records = (article_record(a) for a in store.iter_articles(with_mentions=True))
    else:
        records = (event_record(e, store) for e in store.list_events())
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if format == "json":
            json.dump(list(records), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        else:
            for r in records:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if output:
            handle.close()


@app.command()
def report(db: DbOption = Path("sukien.db"),
           output: Annotated[Path, typer.Option("-o", "--output", help="HTML file")] = Path("out/report.html")):
    """Write a self-contained HTML report of the store."""
    from sukien.export.report import write_report

    store = _open_store(db)
    path = write_report(store, output)
    console.print(f"report written to {path}")


@app.command()
def serve(
    db: DbOption = Path("sukien.db"),
    host: Annotated[str, typer.Option(help="address to listen on (localhost only by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
):
    """Browse events, storylines, entities and search in a web browser (read-only)."""
    from sukien.web import serve as serve_web

    _open_store(db).close()  # a clear error for a missing or old store
    serve_web(db, host=host, port=port)


@app.command()
def clean(files: Annotated[Optional[list[Path]], typer.Argument(help="pages (.txt or .html); stdin when none")] = None,
          url: Annotated[Optional[str], typer.Option(help="the page's URL")] = None):
    """Clean scraped pages: print one JSON object per input."""
    from sukien.clean import clean_page, to_record

    inputs = [(str(f), f) for f in files] if files else [("<stdin>", None)]
    for source, path in inputs:
        try:
            page = path.read_bytes() if path else sys.stdin.buffer.read()
        except OSError as err:
            console.print(f"[red]error:[/] {source}: {err.strerror}")
            raise typer.Exit(2)
        article = clean_page(page, url=url, source=source)
        out.print(json.dumps({"source": source, **to_record(article)}, ensure_ascii=False), markup=False)


@app.command()
def summarize(
    input: Annotated[Path, typer.Option("--input", help="articles as JSONL: id, title, body, lead?, published?")],
    max_tokens: Annotated[int, typer.Option(help="budget in syllables")] = pipeline_module.DEFAULT_SUMMARY_TOKENS,
    max_sentences: Annotated[Optional[int], typer.Option(help="budget in sentences")] = None,
    llm_endpoint: Annotated[Optional[str], typer.Option(help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1: "
                                                              "rewrite the summary abstractively (off by default)")] = None,
    llm_model: Annotated[str, typer.Option(help="model name sent to the endpoint")] = "default",
    llm_api_key: Annotated[Optional[str], typer.Option(envvar="SUKIEN_LLM_API_KEY", help="API key for the endpoint")] = None,
    llm_timeout: Annotated[float, typer.Option(help="seconds to wait for the endpoint")] = 30.0,
):
    """Summarise one cluster of articles: print the summary and its sentences with sources."""
    from sukien.read import read_paths
    from sukien.summarise import summarize as summarise_articles
    from sukien.summarise.io import summary_to_json

    errors: list[str] = []
    articles = list(read_paths([input], lambda e: errors.append(str(e))))
    for error in errors:
        console.print(f"[yellow]skipped[/] {error}")
    if not articles:
        console.print(f"[red]error:[/] {input}: no articles")
        raise typer.Exit(2)
    sentences = summarise_articles(articles, max_tokens=max_tokens, max_sentences=max_sentences)
    result = summary_to_json(sentences)
    if llm_endpoint:
        from sukien.summarise.abstractive import rewrite

        rewritten = rewrite(sentences, llm_endpoint, llm_model, api_key=llm_api_key, timeout=llm_timeout)
        if rewritten.error:
            console.print(f"[yellow]abstractive step failed, extractive summary kept:[/] {rewritten.error}")
        result["abstractive"] = {"text": rewritten.text, "error": rewritten.error,
                                 "sentences": [{"text": r.text, "sources": r.sources, "article_ids": r.article_ids}
                                               for r in rewritten.sentences]}
    out.print(json.dumps(result, ensure_ascii=False), markup=False)


def _jsonl_records(path: Path, fields: tuple[str, ...]) -> list[dict]:
    """Records of a JSONL input file; a malformed line is a clear error naming file and line."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                console.print(f"[red]error:[/] {path}:{number}: malformed JSON ({err.msg})")
                raise typer.Exit(2)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                console.print(f"[red]error:[/] {path}:{number}: expected an object with {', '.join(fields)}")
                raise typer.Exit(2)
            records.append(record)
    return records


@app.command()
def times(ref: Annotated[Optional[str], typer.Option(help="reference time, ISO 8601 (e.g. 2024-04-10T09:00+07:00)")] = None,
          input: Annotated[Optional[Path], typer.Option("--input", help="JSONL with id, text, ref per line")] = None):
    """Find Vietnamese time expressions: print JSONL with id and mentions (offsets into the NFC text)."""
    from sukien.times import find, mentions_to_json

    default_ref = _parse_ref(ref)
    records = _jsonl_records(input, ("id", "text", "ref")) if input else [{"id": None, "text": sys.stdin.read()}]
    for record in records:
        record_ref = _parse_ref(record["ref"]) if record.get("ref") else default_ref
        mentions = mentions_to_json(find(record["text"], record_ref))
        out.print(json.dumps({"id": record.get("id"), "mentions": mentions}, ensure_ascii=False), markup=False)


@app.command()
def entities(input: Annotated[Optional[Path], typer.Option("--input", help="JSONL with id, text per line")] = None):
    """Find people, organisations and places: print JSONL with id, mentions and entities (offsets into NFC text)."""
    from sukien.entities import record
    from sukien.text import normalize

    records = _jsonl_records(input, ("id", "text")) if input else [{"id": None, "text": sys.stdin.read()}]
    for r in records:
        out.print(json.dumps(record(r.get("id"), normalize(r["text"])), ensure_ascii=False), markup=False)


if __name__ == "__main__":
    app()
