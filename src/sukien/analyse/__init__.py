"""Analyse stage: sentences, time expressions and entities of each article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sukien.model import Article, Sentence
from sukien.text.sentences import split_spans


def split_sentences(article: Article) -> list[Sentence]:
    text = article.text
    sentences = []
    paragraph, paragraph_end = 0, len(article.paragraphs[0]) if article.paragraphs else 0
    for index, (start, end) in enumerate(split_spans(text)):
        while start > paragraph_end and paragraph + 1 < len(article.paragraphs):
            paragraph += 1
            paragraph_end += 1 + len(article.paragraphs[paragraph])
        sentences.append(Sentence(text[start:end], article.id, start, end, index, paragraph))
    return sentences


class AnalyseStage:
    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            article.sentences = split_sentences(article)
            yield article
