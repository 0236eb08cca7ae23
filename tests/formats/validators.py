"""Validating exports against the official TBX schemas: RELAX NG and Schematron.

RELAX NG is checked by libxml2 (lxml). The TBX-Basic Schematron file needs XPath 2
(``queryBinding="xslt2"``: ``matches()``, function calls as path steps), which lxml's
XSLT 1 Schematron refuses, so its rules are run here with Saxon-HE (``saxonche``), the
reference XPath 3.1 processor, following ISO Schematron's rule semantics: within a
pattern, a node is checked by the first rule whose context matches it; an ``assert``
fails when its test is false, a ``report`` when it is true. Schematron 1.5 rules
embedded in a RELAX NG schema (the 2008 TBX-Basic one) use XPath 1, which Saxon's
backwards-compatible mode evaluates. The constructs these schemas do not use (``let``,
abstract patterns, includes, phases) are refused rather than skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PySaxonProcessor

SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "schemas"
TBX_CORE_RNG = SCHEMAS / "tbx-basic" / "TBXcoreStructV03.rng"
TBX_BASIC_SCH = SCHEMAS / "tbx-basic" / "TBX-Basic_DCA.sch"
TBX_BASIC_2008_RNG = SCHEMAS / "tbx-basic-2008" / "TBXBasicRNGV02.rng"

ISO_SCH = "http://purl.oclc.org/dsdl/schematron"
OLD_SCH = "http://www.ascc.net/xml/schematron"
_EQNAME = re.compile(r"Q\{[^}]*\}")  # the namespace part of the node paths path() gives


def relaxng_errors(data: bytes, schema: Path) -> list[str]:
    """What libxml2's RELAX NG validator finds wrong with ``data`` (empty: valid)."""
    rng = etree.RelaxNG(etree.parse(str(schema)))
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if rng.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in rng.error_log]


@dataclass(frozen=True)
class Rule:
    context: str
    #: (kind, test, message): kind "assert" fails when the test is false, "report" when true.
    checks: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Schematron:
    namespaces: tuple[tuple[str, str], ...]
    patterns: tuple[tuple[str, tuple[Rule, ...]], ...]
    #: XPath 1.0 semantics (the default query binding, and Schematron 1.5).
    xpath1: bool


@cache
def load_schematron(path: Path) -> Schematron:
    """The rules of a Schematron file, or of the Schematron embedded in a RELAX NG one."""
    root = etree.parse(str(path)).getroot()
    sch = ISO_SCH if root.tag == f"{{{ISO_SCH}}}schema" else OLD_SCH
    for unsupported in ("let", "include", "extends", "phase", "param"):
        if root.find(f".//{{{sch}}}{unsupported}") is not None:
            raise NotImplementedError(f"{path.name} uses <{unsupported}>, which is not run here")
    binding = root.get("queryBinding", "xslt") if sch == ISO_SCH else "xslt"
    namespaces = tuple((n.get("prefix", ""), n.get("uri", "")) for n in root.iter(f"{{{sch}}}ns"))
    patterns = []
    for n, pattern in enumerate(root.iter(f"{{{sch}}}pattern")):
        if pattern.get("abstract") == "true" or pattern.get("is-a"):
            raise NotImplementedError(f"{path.name}: abstract patterns are not run here")
        rules = []
        for rule in pattern.iter(f"{{{sch}}}rule"):
            context = rule.get("context", "")
            if not context or context.startswith("/"):
                raise NotImplementedError(f"{path.name}: rule context {context!r}")
            checks = tuple(
                (etree.QName(c).localname, c.get("test", ""), _message(c))
                for c in rule
                if isinstance(c.tag, str) and etree.QName(c).localname in ("assert", "report")
            )
            rules.append(Rule(context, checks))
        name = pattern.get("id") or pattern.get("name") or f"pattern {n + 1}"
        patterns.append((name, tuple(rules)))
    return Schematron(namespaces, tuple(patterns), binding in ("xslt", "xpath"))


def _message(check: etree._Element) -> str:
    return " ".join("".join(check.itertext()).split())


@cache
def _processor() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


def schematron_errors(data: bytes, schema: Path) -> list[str]:
    """The failed assertions (and fired reports) of ``schema`` on ``data``: one line each,
    with the node's path; empty when the document passes."""
    rules = load_schematron(schema)
    proc = _processor()
    # The root element alone: a v2 file's DOCTYPE names a DTD that is not here to load.
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    doc = proc.parse_xml(xml_text=etree.tostring(root, encoding="unicode"))
    xpath = proc.new_xpath_processor()
    xpath.set_backwards_compatible(rules.xpath1)
    for prefix, uri in rules.namespaces:
        xpath.declare_namespace(prefix, uri)
    xpath.set_context(xdm_item=doc)
    failures: list[str] = []
    for pattern, pattern_rules in rules.patterns:
        earlier: list[str] = []
        for rule in pattern_rules:
            # A node an earlier rule of the pattern matched is not this rule's.
            nodes = f"(//({rule.context}))"
            if earlier:
                nodes += " except (" + " | ".join(earlier) + ")"
            earlier.append(f"//({rule.context})")
            for kind, test, message in rule.checks:
                failing = f"not(boolean(({test})))" if kind == "assert" else f"boolean(({test}))"
                found = xpath.evaluate(f"for $n in ({nodes})[{failing}] return path($n)")
                for i in range(found.size if found is not None else 0):
                    where = _EQNAME.sub("", found.item_at(i).string_value)
                    failures.append(f"{pattern}: {where}: {message}")
    return failures
