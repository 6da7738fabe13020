"""The parties as a graph (the ``graph`` extra, networkx), and its GraphML and GEXF files.

The nodes are the rows of ``_tables_out``'s ``parties`` table, so a graph's node ids are
the tables' party ids and its attributes their columns.
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterator
from typing import Any, Literal

from sister_agreements import _tables_out
from sister_agreements._tables_out import extra
from sister_agreements.dataset import Dataset
from sister_agreements.errors import UnknownValueError
from sister_agreements.model import Agreement

GraphKind = Literal["bipartite", "parties"]
GRAPHS: tuple[GraphKind, ...] = ("bipartite", "parties")
#: How an edge joins the values of the agreements it stands for.
EDGE_SEPARATOR = "; "


def _pairs(a: Agreement, graph: GraphKind) -> Iterator[tuple[str, str]]:
    """The party ids an agreement links: each Japanese party with each foreign one
    (``bipartite``), or each two of its parties, in the agreement's order (``parties``)."""
    japanese = [p.id for p in a.japanese_parties]
    foreign = [p.id for p in a.foreign_parties]
    if graph == "bipartite":
        yield from itertools.product(japanese, foreign)
    else:
        yield from itertools.combinations(dict.fromkeys(japanese + foreign), 2)


def to_networkx(ds: Dataset, graph: GraphKind = "bipartite") -> Any:
    """The parties of ``ds`` as a networkx ``Graph`` (needs the ``graph`` extra).

    ``graph="bipartite"``: a node per party, an edge between a Japanese and a foreign
    party of one agreement; node attribute ``bipartite`` is 0 for Japanese parties, 1 for
    foreign ones (networkx's convention). ``graph="parties"``: a one-mode graph, an edge
    between any two parties of one agreement (two Japanese parties of a multilateral
    agreement too).

    Nodes are the party ids of the ``parties`` table (``022012``, ``cn-dalian``), in the
    table's order; their attributes are that table's columns, with ``label`` (the English
    name, which Gephi shows); a missing value (``lg_code`` of a foreign party, a point
    where there is none) is left out, since GraphML and GEXF have no null. A pair of
    parties joined by several agreements has one edge: ``agreements`` holds their ids,
    ``fields`` the field numbers of each, ``signed`` the ISO date of each ("" where none
    is printed), each joined with "; " in report order, and ``weight`` how many there are.

    Args:
        ds: the agreements.
        graph: ``"bipartite"`` or ``"parties"``.

    Returns:
        A ``networkx.Graph``.

    Raises:
        ImportError: if networkx is not installed; the message says how to install it.
        UnknownValueError: for another ``graph`` (a ``LookupError``).
    """
    nx = extra("networkx", "graph")
    if graph not in GRAPHS:
        raise UnknownValueError("graph", str(graph), GRAPHS)
    table = _tables_out.BY_NAME["parties"]
    result = nx.Graph(name=f"sister-agreements {graph}, data {ds.source.data_version}")
    for row in _tables_out.tables(ds)["parties"]:
        attributes = {k: v for k, v in zip(table.names, row, strict=True) if v is not None}
        attributes["label"] = attributes["name_en"]
        if graph == "bipartite":
            attributes["bipartite"] = 0 if attributes["side"] == "japanese" else 1
        result.add_node(attributes["party_id"], **attributes)
    for a in ds:
        fields = ", ".join(str(f.number) for f in a.fields)
        signed = a.signed.isoformat() if a.signed else ""
        for u, v in _pairs(a, graph):
            if result.has_edge(u, v):
                edge = result.edges[u, v]
                edge["agreements"] += EDGE_SEPARATOR + a.id
                edge["fields"] += EDGE_SEPARATOR + fields
                edge["signed"] += EDGE_SEPARATOR + signed
                edge["weight"] += 1
            else:
                result.add_edge(u, v, agreements=a.id, fields=fields, signed=signed, weight=1)
    return result


def graphml_bytes(ds: Dataset, graph: GraphKind = "bipartite") -> bytes:
    """``to_networkx(ds, graph)`` as GraphML, UTF-8."""
    nx = extra("networkx", "graph")
    out = io.BytesIO()
    nx.write_graphml(to_networkx(ds, graph), out, encoding="utf-8")
    return out.getvalue()


def gexf_bytes(ds: Dataset, graph: GraphKind = "bipartite") -> bytes:
    """``to_networkx(ds, graph)`` as GEXF 1.2, UTF-8, without the date networkx stamps
    on it (the optional ``lastmodifieddate``), so that every run writes the same bytes."""
    gexf = extra("networkx.readwrite.gexf", "graph")
    writer = gexf.GEXFWriter(encoding="utf-8", version="1.2draft")
    writer.xml.find("meta").attrib.pop("lastmodifieddate")
    writer.add_graph(to_networkx(ds, graph))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_graphml(
    ds: Dataset, path: str | os.PathLike[str], graph: GraphKind = "bipartite"
) -> None:
    """Write ``to_networkx(ds, graph)`` as GraphML (needs the ``graph`` extra), for Gephi,
    Cytoscape, igraph or networkx; the same bytes on every run with one networkx version,
    the file replaced whole or not at all.

    Raises:
        ImportError: if networkx is not installed.
        UnknownValueError: for an unknown ``graph``.
        OSError: if the file cannot be written; ``filename`` is ``path``.
        TypeError: if ``path`` is not a path.
    """
    from sister_agreements import _atomic

    _atomic.write_bytes(_atomic.path_text(path), graphml_bytes(ds, graph))


def write_gexf(ds: Dataset, path: str | os.PathLike[str], graph: GraphKind = "bipartite") -> None:
    """Write ``to_networkx(ds, graph)`` as GEXF 1.2 (needs the ``graph`` extra), Gephi's own
    format; the same bytes on every run with one networkx version (no modification date),
    the file replaced whole or not at all.

    Raises:
        ImportError: if networkx is not installed.
        UnknownValueError: for an unknown ``graph``.
        OSError: if the file cannot be written; ``filename`` is ``path``.
        TypeError: if ``path`` is not a path.
    """
    from sister_agreements import _atomic

    _atomic.write_bytes(_atomic.path_text(path), gexf_bytes(ds, graph))
