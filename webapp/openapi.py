"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from glossary import __version__
from glossary.vocab import KINDS, ROLES, STATUSES


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(c): {"$ref": f"#/components/responses/E{c}"} for c in codes}


_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_WRITE: list[dict[str, list[str]]] = [{"bearer": []}, {"cookie": []}]


def openapi_document() -> dict[str, Any]:
    term_props: dict[str, Any] = {
        "text": {"type": "string"},
        "role": {"enum": list(ROLES)},
        "suggested": {"type": "array", "items": {"type": "string"}},
        "note": {"type": "string"},
    }
    for name in ("hanja", "romanization", "press", "reading", "hepburn", "plain", "family"):
        term_props[name] = {"type": ["string", "null"]}
    term_props["given"] = {"type": ["string", "null"]}
    terms = {
        "type": "object",
        "description": "forms by language: en, ko, ja",
        "properties": {
            lang: {"type": "array", "items": _ref("Term")} for lang in ("en", "ko", "ja")
        },
        "additionalProperties": False,
    }
    entry_props: dict[str, Any] = {
        "id": {"type": "integer"},
        "kind": {"enum": list(KINDS)},
        "status": {"enum": list(STATUSES)},
        "origin": {"type": ["string", "null"]},
        "note": {"type": "string"},
        "version": {"type": "integer"},
        "evidence_count": {"type": "integer"},
        "terms": terms,
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
                            "schema": {"type": "string"},
                        },
                        {"name": "lang", "in": "query", "schema": {"enum": ["en", "ko", "ja"]}},
                        {"name": "kind", "in": "query", "schema": {"enum": list(KINDS)}},
                        {"name": "status", "in": "query", "schema": {"enum": list(STATUSES)}},
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
                        **_errors(400, 401),
                    },
                }
            },
            "/api/entries": {
                "post": {
                    "summary": "Add an entry (status defaults to candidate)",
                    "security": _WRITE,
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("EntryInput")}},
                    },
                    "responses": {
                        "201": _json(_ref("Entry"), "The stored entry"),
                        **_errors(400, 401, 403),
                    },
                }
            },
            "/api/entries/{id}": {
                "parameters": [_ID],
                "get": {
                    "summary": "One entry with its evidence sentences",
                    "responses": {
                        "200": _json(_ref("EntryWithEvidence"), "The entry"),
                        **_errors(401, 404),
                    },
                },
                "patch": {
                    "summary": "Change an entry ('version': the one you read)",
                    "security": _WRITE,
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "allOf": [_ref("EntryInput"), {"required": ["version"]}],
                                }
                            }
                        },
                    },
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
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["into"],
                                    "properties": {
                                        "into": {"type": "integer"},
                                        "version": {"type": "integer"},
                                        "into_version": {"type": "integer"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json(_ref("Entry"), "The merged entry"),
                        **_errors(400, 401, 403, 404, 409),
                    },
                },
            },
            "/api/entries/{id}/history": {
                "parameters": [_ID],
                "get": {
                    "summary": "The entry's changes, newest first",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": _json({"type": "object"}, "{entry_id, changes}"),
                        **_errors(401),
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
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {
                                        "text": {"type": "string"},
                                        "style": {"type": "string"},
                                    },
                                }
                            }
                        },
                    },
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
                        **_errors(400),
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
                "Term": {"type": "object", "required": ["text"], "properties": term_props},
                "Entry": {"type": "object", "properties": entry_props},
                "EntryInput": {
                    "type": "object",
                    "properties": {
                        k: v for k, v in entry_props.items() if k not in ("id", "evidence_count")
                    },
                },
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
                }.items()
            },
        },
    }
