"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from glossary import __version__
from glossary.lang import LANGUAGES
from glossary.lang.styles import house_styles
from glossary.lookup.budget import MAX_QUERY_LENGTH
from glossary.model import MAX_NOTE_LENGTH, MAX_TERM_LENGTH
from glossary.tm.limits import most
from glossary.vocab import KINDS, LANGUAGE_FIELDS, ORIGINS, ROLES, STATUSES, TERM_FIELDS


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    """A required JSON request body of this schema."""
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    """The error responses of an operation: ``codes``, 429 wherever a token is checked
    (401), and 503 everywhere (the database cannot be reached just now)."""
    listed = [*codes, *([429] if 401 in codes else []), 503]
    return {str(c): {"$ref": f"#/components/responses/E{c}"} for c in listed}


def _filter(name: str, choices: Iterable[str]) -> dict[str, Any]:
    """A query parameter that narrows a lookup to one of ``choices`` (empty: any)."""
    return {
        "name": name,
        "in": "query",
        "description": f"only this {name}; empty or left out: any",
        "schema": {"enum": ["", *choices]},
    }


def _term(lang: str, listed: bool = False) -> dict[str, Any]:
    """A term of one language (its own fields; another language's may only be empty):
    under its language's key, or ``listed`` in a list, naming its language."""
    own = LANGUAGE_FIELDS[lang]
    props: dict[str, Any] = {
        "text": {
            **_FORM,
            "pattern": "\\S",
            "description": f"not blank; at most {MAX_TERM_LENGTH} characters",
        },
        "role": {"enum": list(ROLES)},
        "note": _NOTE,
        "suggested": {
            "type": ["array", "null"],
            "description": "fields that are suggestions awaiting a curator",
            "items": {"enum": ["text", *TERM_FIELDS]},
        },
        "lang": {"const": lang}
        if listed
        else {"type": "string", "description": "ignored: a term's language is its key"},
    }
    for name in TERM_FIELDS:
        props[name] = (
            {**_FORM, "type": ["string", "null"]}
            if name in own
            else {"enum": ["", None], "description": f"not a field of {lang} terms"}
        )
    return {
        "type": "object",
        "required": ["text", "lang"] if listed else ["text"],
        "properties": props,
        "additionalProperties": False,
    }


#: A form or a field of one (glossary.model): no control characters, a length limit.
_FORM: dict[str, Any] = {
    "type": "string",
    "maxLength": MAX_TERM_LENGTH,
    "not": {"type": "string", "pattern": "[\\u0000-\\u001f\\u007f-\\u009f]"},
}
#: A note: lines and tabs, no other control character, a length limit.
_NOTE: dict[str, Any] = {
    "type": ["string", "null"],
    "maxLength": MAX_NOTE_LENGTH,
    "not": {
        "type": "string",
        "pattern": "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]",
    },
}
_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_WRITE: list[dict[str, list[str]]] = [{"bearer": []}, {"cookie": []}]


def openapi_document() -> dict[str, Any]:
    doc = _document()
    doc["paths"].update(_tm_paths())
    return doc


def _q(description: str, most: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "pattern": "\\S"}
    if most is not None:
        schema["maxLength"] = most
        description += f"; at most {most:,} characters, else 400 QueryTooLong"
    return {
        "name": "q",
        "in": "query",
        "required": True,
        "description": description,
        "schema": schema,
    }


def _limit(default: int, most: int) -> dict[str, Any]:
    return {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": most, "default": default},
    }


def _tm_paths() -> dict[str, Any]:
    """The translation memory's routes: matches for a sentence, the concordance."""
    lang = {"enum": ["", *LANGUAGES]}
    text = {"type": "string"}
    spans = {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}
    unit = {
        "id": {"type": "integer"},
        "source": text,
        "target": text,
        "source_lang": {"enum": list(LANGUAGES)},
        "target_lang": {"enum": list(LANGUAGES)},
    }
    match = {
        "type": "object",
        "required": [*unit, "score", "match", "terms"],
        "properties": {
            **unit,
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "match": {"enum": ["context", "exact", "fuzzy"]},
            "terms": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "entry_id": {"type": "integer"},
                        "found": text,
                        "target": {"type": ["string", "null"]},
                    },
                },
            },
            "warnings": {"type": "array", "items": text},
        },
    }
    hit = {
        "type": "object",
        "required": [*unit, "source_hits", "target_hits"],
        "properties": {**unit, "source_hits": spans, "target_hits": spans},
    }

    def answer(items: dict[str, Any], description: str) -> dict[str, Any]:
        return _json(
            {
                "type": "object",
                "properties": {"query": text, "results": {"type": "array", "items": items}},
            },
            description,
        )

    return {
        "/api/tm/match": {
            "get": {
                "summary": "Translation-memory matches for a sentence, with the glossary's terms",
                "parameters": [
                    _q(
                        "the sentence (not blank; the tm_match_max_length setting)",
                        most("tm_match_max_length"),
                    ),
                    {"name": "from", "in": "query", "schema": lang},
                    {"name": "to", "in": "query", "schema": lang},
                    *(
                        {
                            "name": side,
                            "in": "query",
                            "description": f"the sentence {side} this one (for context matches)",
                            "schema": {"type": "string", "maxLength": most("tm_match_max_length")},
                        }
                        for side in ("before", "after")
                    ),
                    _limit(5, 100),
                ],
                "responses": {
                    "200": answer(match, "Matches: context, then by percentage"),
                    **_errors(400, 401),
                },
            }
        },
        "/api/tm/concordance": {
            "get": {
                "summary": "Translation units holding a word or phrase, with the hits",
                "parameters": [
                    _q(
                        "the word or phrase (not blank; the tm_concordance_max_length setting)",
                        most("tm_concordance_max_length"),
                    ),
                    _limit(50, 200),
                ],
                "responses": {
                    "200": answer(hit, "Units, newest first"),
                    **_errors(400, 401),
                },
            }
        },
    }


def _document() -> dict[str, Any]:
    terms = {
        "type": "object",
        "description": "forms by language: en, ko, ja",
        "properties": {
            lang: {"type": "array", "items": _ref(f"Term_{lang}")} for lang in LANGUAGES
        },
        "additionalProperties": False,
    }
    entry_props: dict[str, Any] = {
        "id": {"type": "integer"},
        "kind": {"enum": list(KINDS)},
        "status": {"enum": list(STATUSES)},
        "origin": {"enum": [*ORIGINS, None]},
        "note": {"type": "string"},
        "version": {"type": "integer"},
        "evidence_count": {"type": "integer"},
        "terms": terms,
    }
    # What a client sends: the fields above (null for an empty one), or an entry as read,
    # whose id, evidence_count and evidence are ignored; nothing else.
    entry_input: dict[str, Any] = {
        "type": "object",
        "properties": {
            **entry_props,
            "origin": {"enum": [*ORIGINS, "", None]},
            "note": _NOTE,
            "terms": {
                "description": "at least one term (an entry without one is refused), and at "
                "most one preferred term per language (role left out: preferred)",
                "anyOf": [
                    {
                        **terms,
                        "anyOf": [
                            {"required": [lang], "properties": {lang: {"minItems": 1}}}
                            for lang in LANGUAGES
                        ],
                    },
                    {
                        "type": "array",
                        "description": 'or a list of terms, each with its "lang"',
                        "items": _ref("TermWithLang"),
                        "minItems": 1,
                    },
                ],
            },
            "evidence": {"type": "array"},
        },
        "additionalProperties": False,
    }
    error_schema = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "code", "message"],
                "properties": {
                    "status": {"type": "integer"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "current": _ref("Entry"),
                    "retry_after": {"type": "integer", "description": "seconds to wait (429, 503)"},
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Glossary API",
            "version": __version__,
            "description": "Look up, read and curate the English–Korean–Japanese glossary. "
            "Reading may be anonymous (the anonymous_read setting); writing needs a curator's "
            "API token (glossary users token NAME) sent as 'Authorization: Bearer TOKEN'.",
        },
        "paths": {
            "/api/lookup": {
                "get": {
                    "summary": "Find entries by any form, romanization or reading",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": True,
                            "description": (
                                f"the text to look up (not blank; at most {MAX_QUERY_LENGTH} "
                                "characters, else 400 QueryTooLong)"
                            ),
                            "schema": {
                                "type": "string",
                                "pattern": "\\S",
                                "maxLength": MAX_QUERY_LENGTH,
                            },
                        },
                        _filter("lang", ["en", "ko", "ja"]),
                        _filter("kind", KINDS),
                        {
                            **_filter("status", STATUSES),
                            "description": "only this status; empty or left out: any you may "
                            "see (readers and anonymous visitors: GLOSSARY_READER_STATUSES, "
                            "approved by default; another status gets 403)",
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 200,
                                "default": 20,
                            },
                        },
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "query": {"type": "string"},
                                    "results": {"type": "array", "items": _ref("Match")},
                                },
                            },
                            "Matches, best first",
                        ),
                        **_errors(400, 401, 403),
                    },
                }
            },
            "/api/entries": {
                "post": {
                    "summary": "Add an entry (status defaults to candidate)",
                    "security": _WRITE,
                    "requestBody": _body(
                        {"allOf": [_ref("EntryInput"), {"required": ["kind", "terms"]}]}
                    ),
                    "responses": {
                        "201": _json(_ref("Entry"), "The stored entry"),
                        **_errors(400, 401, 403),
                    },
                }
            },
            "/api/entries/{id}": {
                "parameters": [_ID],
                "get": {
                    "summary": "One entry with its evidence sentences (readers and anonymous "
                    "visitors: 404 for an entry of a status they do not see; no notes "
                    "unless GLOSSARY_READER_NOTES=1)",
                    "responses": {
                        "200": _json(_ref("EntryWithEvidence"), "The entry"),
                        **_errors(401, 404),
                    },
                },
                "patch": {
                    "summary": "Change an entry ('version': the one you read)",
                    "security": _WRITE,
                    "requestBody": _body(
                        {
                            "allOf": [_ref("EntryInput"), {"required": ["version"]}],
                        }
                    ),
                    "responses": {
                        "200": _json(_ref("Entry"), "The saved entry"),
                        **_errors(400, 401, 403, 404, 409),
                    },
                },
                "delete": {
                    "summary": "Delete an entry (undo brings it back)",
                    "security": _WRITE,
                    "parameters": [
                        {
                            "name": "version",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "204": {"description": "Deleted"},
                        **_errors(400, 401, 403, 404, 409),
                    },
                },
            },
            "/api/entries/{id}/merge": {
                "parameters": [_ID],
                "post": {
                    "summary": "Merge this entry into another: its forms become variants there",
                    "security": _WRITE,
                    "requestBody": _body(
                        {
                            "type": "object",
                            "required": ["into"],
                            "properties": {
                                "into": {
                                    "type": "integer",
                                    "description": "another entry's id (this "
                                    "entry's own is refused with 400)",
                                },
                                "version": {"type": "integer"},
                                "into_version": {"type": "integer"},
                            },
                        }
                    ),
                    "responses": {
                        "200": _json(_ref("Entry"), "The merged entry"),
                        **_errors(400, 401, 403, 404, 409),
                    },
                },
            },
            "/api/entries/{id}/history": {
                "parameters": [_ID],
                "get": {
                    "summary": "The entry's changes, newest first (each change's user: "
                    "null unless you are logged in or send a token)",
                    "parameters": [_limit(100, 1000)],
                    "responses": {
                        "200": _json({"type": "object"}, "{entry_id, changes}"),
                        **_errors(400, 401, 404),
                    },
                },
            },
            "/api/changes/{id}/undo": {
                "parameters": [_ID],
                "post": {
                    "summary": "Undo a change (both halves of a merge together)",
                    "security": _WRITE,
                    "responses": {
                        "200": _json({"type": "object"}, "{undone, changes}"),
                        **_errors(401, 403, 404, 409),
                    },
                },
            },
            "/api/check": {
                "post": {
                    "summary": "House-style check of a draft",
                    "requestBody": _body(
                        {
                            "type": "object",
                            "required": ["text"],
                            "properties": {
                                "text": {"type": "string"},
                                "style": {
                                    "enum": ["", *house_styles()],
                                    "description": "a house style; empty or left "
                                    "out: the server's (GLOSSARY_HOUSE_STYLE)",
                                },
                            },
                        }
                    ),
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "style": {"type": "string"},
                                    "errors": {"type": "integer"},
                                    "findings": {"type": "array", "items": {"type": "object"}},
                                },
                            },
                            "{style, errors, findings: [{file, line, column, found, "
                            "suggestion, rule, entry_id, severity, offset, length, message}]}",
                        ),
                        **_errors(400, 401),
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI 3.1"}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "glossary users token NAME",
                },
                "cookie": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "glossary_session",
                    "description": "a browser session; writes also need the X-CSRF-Token header",
                },
            },
            "schemas": {
                **{f"Term_{lang}": _term(lang) for lang in LANGUAGES},
                "TermWithLang": {"oneOf": [_term(lang, listed=True) for lang in LANGUAGES]},
                "Entry": {"type": "object", "properties": entry_props},
                "EntryInput": entry_input,
                "EntryWithEvidence": {
                    "allOf": [
                        _ref("Entry"),
                        {
                            "properties": {
                                "evidence": {"type": "array", "items": {"type": "object"}}
                            }
                        },
                    ]
                },
                "Match": {
                    "type": "object",
                    "properties": {
                        **{k: entry_props[k] for k in ("id", "kind", "status", "terms", "version")},
                        "match": {"enum": ["exact", "variant", "prefix", "substring", "fuzzy"]},
                        "score": {"type": "number"},
                    },
                },
                "Error": error_schema,
            },
            "responses": {
                f"E{code}": _json(_ref("Error"), text)
                for code, text in {
                    400: "Bad input",
                    401: "Log in or send an API token",
                    403: "Your role does not allow this",
                    404: "Not found",
                    409: "Changed by someone else since you read it; error.current is it now",
                    429: "Too many failed logins or unknown API tokens; see Retry-After",
                    503: "The database cannot be reached just now (see Retry-After), "
                    "or a lookup, translation-memory match or concordance ran past its "
                    "time limit (LookupTooSlow, the lookup_time_limit setting)",
                }.items()
            },
        },
    }
