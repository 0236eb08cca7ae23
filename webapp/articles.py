"""The mined articles, with the glossary's known terms marked and linked."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask.typing import ResponseReturnValue

from glossary.curation import article, article_counts, known_terms, segments
from webapp.db import get_glossary
from webapp.visibility import visible_statuses

bp = Blueprint("articles", __name__, url_prefix="/articles")


@bp.get("")
def index() -> ResponseReturnValue:
    g = get_glossary(current_app)
    return render_template("articles.html", articles=g.articles(), counts=article_counts(g))


@bp.get("/<int:article_id>")
def show(article_id: int) -> ResponseReturnValue:
    g = get_glossary(current_app)
    art = article(g, article_id)
    marks = known_terms(g, art["text"], visible_statuses() or ("approved", "candidate"))
    paragraphs: list[list[tuple[str, object]]] = [[]]
    for text, mark in segments(art["text"], marks):
        # Blank lines separate paragraphs; a mark never spans one.
        pieces = text.split("\n\n") if mark is None else [text]
        for i, piece in enumerate(pieces):
            if i:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append((piece, mark))
    entries = {m.entry_id: m for m in marks}
    return render_template(
        "article.html",
        article=art,
        paragraphs=[p for p in paragraphs if p],
        entries=sorted(entries.values(), key=lambda m: m.label.casefold()),
    )
