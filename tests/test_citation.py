"""How to cite: ``CITATION.cff`` (valid, and equal to the project's own records),
``sa.cite()`` and ``sister-agreements cite``."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import parse_string
from pybtex.richtext import Text

import sister_agreements as sa
from sister_agreements import citation, cli

#: The data version cited is the packaged data's (tests/test_data_versions.py ties it to
#: data-raw/data_versions.csv and the changelog).
DATA_VERSION = sa.load().source.data_version
PACKAGE_APA = (
    "sister_agreements developers. (n.d.). sister-agreements (Version {version}, data version "
    f"{DATA_VERSION}) [Computer software]."
)
REPORT_APA = (
    "財団法人自治体国際化協会 [Council of Local Authorities for International Relations "
    "(CLAIR)]. (2012). 特定分野における提携・協定等に関する調査結果 [Survey of partnerships "
    "and agreements in specific fields]."
)
PACKAGE_BIBTEX = """\
@misc{{sister_agreements,
  author = {{{{sister\\_agreements developers}}}},
  title = {{sister-agreements}},
  note = {{Python package, version {version}, data version DATA_VERSION}},
  version = {{{version}}},
}}"""
REPORT_BIBTEX = """\
@techreport{clair2012,
  author = {{財団法人自治体国際化協会}},
  title = {特定分野における提携・協定等に関する調査結果},
  institution = {財団法人自治体国際化協会 [Council of Local Authorities for International \
Relations (CLAIR)]},
  year = {2012},
  language = {japanese},
  note = {Title in English: Survey of partnerships and agreements in specific fields. \
Surveyed in 2012-08; no date of publication printed},
}"""


def cff() -> dict[str, Any]:
    """CITATION.cff as cffconvert reads it: dates stay strings (they are quoted anyway)."""
    data: dict[str, Any] = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    return data


def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


# --- CITATION.cff ----------------------------------------------------------------


def test_citation_cff_is_valid_per_the_cff_1_2_0_schema() -> None:
    schema = json.loads((REPO / "tests/fixtures/cff-1.2.0.schema.json").read_text("utf-8"))
    assert schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff())


def test_the_schema_check_refuses_a_broken_file() -> None:
    schema = json.loads((REPO / "tests/fixtures/cff-1.2.0.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for broken in (
        {k: v for k, v in cff().items() if k != "authors"},
        cff() | {"date-released": "2026-13-01"},
        cff() | {"license": "MIT License"},
        cff() | {"references": [cff()["references"][0] | {"type": "survey"}]},
    ):
        assert not validator.is_valid(broken)


def test_citation_cff_cites_the_package_as_pyproject_describes_it() -> None:
    project, data = pyproject(), cff()
    assert (data["cff-version"], data["type"], data["title"]) == (
        "1.2.0",
        "software",
        "sister-agreements",
    )
    assert data["version"] == project["version"]
    assert data["authors"] == [{"name": author["name"]} for author in project["authors"]]
    assert data["authors"] == [{"name": citation.AUTHORS}]
    assert data["license"] == project["license"] == "MIT"
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
    assert data["abstract"] == project["description"]
    assert data["keywords"] == project["keywords"]
    assert "preferred-citation" not in data and "repository-code" not in data


def test_the_version_is_the_installed_packages() -> None:
    if sa.__version__ == "unknown":  # a source tree that was never installed
        pytest.skip("no package metadata")
    assert cff()["version"] == sa.__version__


def test_the_release_date_is_the_changelogs_for_the_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[([0-9.]+)\] - (\d{4}-\d\d-\d\d)$", changelog, re.M)
    assert dict(released)[cff()["version"]] == cff()["date-released"]


def test_the_reference_is_clairs_report_as_the_packaged_source_names_it(
    ds: sa.Dataset,
) -> None:
    (report,) = cff()["references"]
    source = ds.source
    assert report == {
        "type": "report",
        "title": source.title_ja,
        "authors": [{"name": source.publisher_ja, "alias": source.publisher_en}],
        "institution": {"name": source.publisher_ja, "alias": source.publisher_en},
        "year": int(source.survey_month[:4]),
        "languages": ["ja"],
        "notes": "Surveyed in August 2012 (平成24年8月); the report prints no date of "
        f"publication, and the year given is that of the survey. English title (a "
        f"translation): {source.title_en}.",
    }
    assert (source.title_ja, source.publisher_ja, source.survey_month) == (
        "特定分野における提携・協定等に関する調査結果", "財団法人自治体国際化協会", "2012-08"
    )  # fmt: skip


def test_the_report_prints_what_the_reference_says_at_the_lines_cited(
    report_text: str, ds: sa.Dataset
) -> None:
    lines = report_text.splitlines()
    assert lines[3 - 1] == ds.source.title_ja
    assert lines[7 - 1].startswith(ds.source.publisher_ja + "は、")
    assert lines[13 - 1] == "平成24年8月"
    assert str(sa.PartialDate.parse(lines[13 - 1])) == ds.source.survey_month
    comment = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert "(data-raw/report.txt line 7) and title (line 3)" in comment
    assert "平成24年8月 (line 13)" in comment


# --- sa.cite() ------------------------------------------------------------------


def test_cite_the_package_in_apa_by_default() -> None:
    assert sa.cite() == PACKAGE_APA.format(version=sa.__version__)
    assert sa.cite("apa", what="package") == sa.cite()


def test_cite_the_report_in_apa() -> None:
    assert sa.cite(what="report") == REPORT_APA


def test_cite_both_in_bibtex() -> None:
    package = PACKAGE_BIBTEX.format(version=sa.__version__).replace("DATA_VERSION", DATA_VERSION)
    assert sa.cite("bibtex") == package
    assert sa.cite("bibtex", what="report") == REPORT_BIBTEX
    assert sa.cite("bibtex", what="both") == package + "\n\n" + REPORT_BIBTEX
    assert sa.cite(what="both") == PACKAGE_APA.format(version=sa.__version__) + "\n\n" + REPORT_APA


def test_the_home_page_shows_the_reports_apa_citation_as_cite_prints_it() -> None:
    assert f"```text\n{REPORT_APA}\n```" in (REPO / "docs/index.md").read_text(encoding="utf-8")


def test_without_package_metadata_only_the_data_version_is_cited(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sa, "__version__", "unknown", raising=False)
    assert sa.cite() == (
        f"sister_agreements developers. (n.d.). sister-agreements (Data version {DATA_VERSION}) "
        "[Computer software]."
    )
    assert sa.cite("bibtex") == (
        "@misc{sister_agreements,\n"
        "  author = {{sister\\_agreements developers}},\n"
        "  title = {sister-agreements},\n"
        f"  note = {{Python package, data version {DATA_VERSION}}},\n"
        "}"
    )


def test_the_bibtex_reads_back_in_pybtex(ds: sa.Dataset) -> None:
    entries = parse_string(sa.cite("bibtex", what="both"), "bibtex").entries
    assert list(entries) == ["sister_agreements", "clair2012"]
    package, report = entries["sister_agreements"], entries["clair2012"]
    assert (package.type, report.type) == ("misc", "techreport")

    def plain(latex: str) -> str:
        return str(Text.from_latex(latex).render_as("text"))

    assert [plain(str(p)) for p in package.persons["author"]] == ["sister_agreements developers"]
    assert [plain(str(p)) for p in report.persons["author"]] == [ds.source.publisher_ja]
    assert {name: plain(value) for name, value in report.fields.items()} == {
        "title": ds.source.title_ja,
        "institution": f"{ds.source.publisher_ja} [{ds.source.publisher_en}]",
        "year": "2012",
        "language": "japanese",
        "note": f"Title in English: {ds.source.title_en}. Surveyed in 2012-08; no date of "
        "publication printed",
    }
    assert package.fields["version"] == sa.__version__


def test_bibtex_values_escape_latexs_special_characters() -> None:
    assert "a_b&c%d$e#f{g}h\\i~j^k 漢字".translate(citation._LATEX) == (
        r"a\_b\&c\%d\$e\#f\{g\}h\textbackslash{}i\~{}j\^{}k 漢字"
    )


def test_cite_is_lazy_and_public() -> None:
    assert sa.cite is citation.cite and "cite" in sa.__all__
    assert (citation.STYLES, citation.WHATS) == (("apa", "bibtex"), ("package", "report", "both"))


@given(st.text().filter(lambda s: s not in citation.STYLES))
def test_an_unknown_style_names_the_valid_ones(style: str) -> None:
    with pytest.raises(ValueError, match=r"; valid: apa, bibtex$") as caught:
        sa.cite(style)  # type: ignore[arg-type]
    assert str(caught.value) == f"unknown style {style!r}; valid: apa, bibtex"


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"what": "all"}, ValueError, "unknown what 'all'; valid: package, report, both"),
        ({"style": "APA"}, ValueError, "unknown style 'APA'; valid: apa, bibtex"),
        ({"style": None}, TypeError, "style is a str, not NoneType"),
        ({"what": b"report"}, TypeError, "what is a str, not bytes"),
    ],
)
def test_bad_arguments(arguments: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        sa.cite(**arguments)
    assert str(caught.value) == message


# --- sister-agreements cite -------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "style", "what"),
    [
        ([], "apa", "package"),
        (["--style", "bibtex"], "bibtex", "package"),
        (["--what", "report"], "apa", "report"),
        (["--style", "bibtex", "--what", "both", "--lang", "en"], "bibtex", "both"),
    ],
)
def test_the_command_prints_what_cite_returns(
    args: list[str], style: citation.Style, what: citation.What, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["cite", *args]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (sa.cite(style, what=what) + "\n", "")


def test_the_command_refuses_an_unknown_style(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["cite", "--style", "mla"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "sister-agreements: error: argument --style: invalid choice: 'mla' (choose from "
        "'apa', 'bibtex') (see sister-agreements cite --help)\n"
    )
