"""What the style check reports: one :class:`Finding` per problem in a draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Severities, most serious first. ``glossary check`` exits 1 when any finding is an error.
SEVERITIES = ("error", "warning", "info")

#: The rules, with their severity and what they mean for an editor.
RULES: dict[str, tuple[str, str]] = {
    "forbidden": ("error", "this form must never be used"),
    "spelling": ("error", "a known name or term written in a non-house spelling"),
    "name-order": ("error", "a person's name in the wrong order for the house style"),
    "transcription": (
        "error",
        "a Japanese name in Hangul against the Korean standard for transcribing Japanese",
    ),
    "deprecated": ("warning", "a known form that is not house style"),
    "inconsistent": ("warning", "one entity written two ways in the same draft"),
    "unknown-name": ("info", "a proper name the glossary does not know"),
}


@dataclass
class Finding:
    """One problem in a draft, where it is, and what to write instead."""

    file: str
    line: int
    column: int
    found: str
    suggestion: str
    rule: str
    entry_id: int | None
    offset: int
    length: int
    message: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return RULES[self.rule][0]

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object plus severity, offset, length and message."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "found": self.found,
            "suggestion": self.suggestion,
            "rule": self.rule,
            "entry_id": self.entry_id,
            "severity": self.severity,
            "offset": self.offset,
            "length": self.length,
            "message": self.message,
            **({"kind": self.extra["kind"]} if "kind" in self.extra else {}),
        }
