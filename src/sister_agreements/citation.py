"""How to cite the package and CLAIR's report, its source: APA or BibTeX text.

``cite()`` builds each citation from the packaged ``Source`` (publisher, title, survey
month and data version, from ``data-raw/source.toml``) and the installed package's
version, so it always names the data the caller has. ``CITATION.cff`` at the root of the
repository holds the same facts for GitHub and reference managers, and a test keeps the
two equal. Nothing is looked up on the network.

Two styles of two works are a few lines of formatting each. A general formatter
(citeproc-py with CSL styles) would be a runtime dependency for that: not worth it here,
where the runtime needs only attrs, cattrs and importlib-resources.

References:
    APA Style, 7th edition: group authors, reports, software, and works in another
    language (the title as printed, its English translation in square brackets; APA asks
    for a non-Latin title to be romanised too, which the report does not give, so the
    Japanese is kept as printed). BibTeX's standard entry types ``@misc`` and
    ``@techreport``.
"""

from __future__ import annotations

from typing import Literal

import sister_agreements
from sister_agreements.dataset import load
from sister_agreements.model import Source
from sister_agreements.summary import _choice

Style = Literal["apa", "bibtex"]
What = Literal["package", "report", "both"]

#: The citation styles of ``cite``.
STYLES: tuple[Style, ...] = ("apa", "bibtex")
#: What ``cite`` can cite: the package, CLAIR's report, or both (the package first).
WHATS: tuple[What, ...] = ("package", "report", "both")

AUTHORS = "sister_agreements developers"  # pyproject.toml's authors
TITLE = "sister-agreements"  # the distribution's name
_LATEX = str.maketrans(
    {c: "\\" + c for c in "&%$#_{}"} | {"\\": r"\textbackslash{}", "~": r"\~{}", "^": r"\^{}"}
)


def cite(style: Style = "apa", *, what: What = "package") -> str:
    """The citation of the package, of CLAIR's report, or of both, as text to paste.

    The package is cited with its version and the data version it ships
    (``sa.load().source.data_version``); it has no date in APA ("n.d.") or BibTeX, since an
    installed package does not know its release date (``CITATION.cff`` gives it). The
    report is cited in its own language, its English title in square brackets (APA) or a
    note (BibTeX); its year is that of its survey (2012-08): the report prints no date of
    publication. BibTeX entries escape LaTeX's special characters and keep the report's
    Japanese as UTF-8 (biblatex with biber, or XeLaTeX and LuaLaTeX, read it).

    Args:
        style: "apa" (APA 7th edition, one reference per paragraph) or "bibtex" (entries
            keyed ``sister_agreements`` and ``clair2012``).
        what: "package", "report" or "both" (the package, then the report).

    Returns:
        The citation(s), separated by a blank line, with no final newline.

    Raises:
        TypeError: if ``style`` or ``what`` is not a str.
        ValueError: for any other style or what; the message names the valid ones.
    """
    style = _choice("style", style, STYLES)
    what = _choice("what", what, WHATS)
    source = load().source
    version = sister_agreements.__version__
    apa = style == "apa"
    entries = []
    if what in ("package", "both"):
        entries.append(_apa_package(source, version) if apa else _bibtex_package(source, version))
    if what in ("report", "both"):
        entries.append(_apa_report(source) if apa else _bibtex_report(source))
    return "\n\n".join(entries)


def _versions(source: Source, version: str) -> str:
    """The versions cited, "version 1.0.0, data version 2012.3"; only the data version
    where the package has no metadata (``__version__`` "unknown")."""
    data = f"data version {source.data_version}"
    return data if version == "unknown" else f"version {version}, {data}"


def _year(source: Source) -> str:
    """The report's year: that of its survey month ("2012-08")."""
    return source.survey_month[:4]


def _apa_package(source: Source, version: str) -> str:
    versions = _versions(source, version)
    versions = versions[0].upper() + versions[1:]  # "Version 1.0.0, …", as APA writes it
    return f"{AUTHORS}. (n.d.). {TITLE} ({versions}) [Computer software]."


def _apa_report(source: Source) -> str:
    return f"{_publisher(source)}. ({_year(source)}). {source.title_ja} [{source.title_en}]."


def _publisher(source: Source) -> str:
    """The report's publisher as printed, its English name in square brackets."""
    return f"{source.publisher_ja} [{source.publisher_en}]"


def _bibtex(kind: str, key: str, fields: dict[str, str]) -> str:
    """One BibTeX entry; each value is given as LaTeX, in braces."""
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items()]
    return "\n".join([f"@{kind}{{{key},", *lines, "}"])


def _bibtex_package(source: Source, version: str) -> str:
    fields = {
        "author": f"{{{AUTHORS.translate(_LATEX)}}}",
        "title": TITLE,
        "note": f"Python package, {_versions(source, version)}",
    }
    if version != "unknown":
        fields["version"] = version
    return _bibtex("misc", "sister_agreements", fields)


def _bibtex_report(source: Source) -> str:
    year = _year(source)
    note = (
        f"Title in English: {source.title_en}. "
        f"Surveyed in {source.survey_month}; no date of publication printed"
    )
    fields = {
        "author": f"{{{source.publisher_ja.translate(_LATEX)}}}",
        "title": source.title_ja.translate(_LATEX),
        "institution": _publisher(source).translate(_LATEX),
        "year": year,
        "language": "japanese",
        "note": note.translate(_LATEX),
    }
    return _bibtex("techreport", f"clair{year}", fields)
