"""The graphs of parties (the graph extra, networkx): built, written as GraphML and GEXF,
read back with networkx's readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sister_agreements as sa
from sister_agreements._graph import GraphKind

pytestmark = pytest.mark.slow

# (nodes, edges) of each graph: 236 parties (89 Japanese, 147 foreign); the bipartite
# graph joins 225 Japanese-foreign pairs, the one-mode graph 433 pairs of any parties.
SIZES = {"bipartite": (236, 225), "parties": (236, 433)}
AOMORI = {
    "party_id": "022012", "side": "japanese", "name": "青森県青森市", "name_en": "Aomori City",
    "kind": "city", "country": "JP", "prefecture": "青森県", "municipality": "青森市",
    "lg_code": "022012", "latitude": 40.8167, "longitude": 140.7333, "label": "Aomori City",
}  # fmt: skip
# The pair most often joined: Shizuoka Prefecture and Zhejiang, in eight agreements.
SHIZUOKA_ZHEJIANG = {
    "agreements": "1-06; 2-13; 2-14; 4-01; 5-03; 7-05; 8-07; 8-08",
    "fields": "1; 2; 2; 4; 5; 7; 8; 8",
    "signed": "2012-04-04; 2012-04-04; 2012-04-04; 2012-04-04; 1985-04-17; 2012-04-04; "
    "2008-12-08; 2010-10-12",
    "weight": 8,
}
ZHEJIANG = "cn-zhejiang"


@pytest.fixture(scope="module")
def nx() -> Any:
    return pytest.importorskip("networkx")


@pytest.mark.parametrize("graph", ["bipartite", "parties"])
def test_graph_sizes_and_attributes(graph: GraphKind, nx: Any) -> None:
    g = sa.export.to_networkx(sa.load(), graph)
    assert (g.number_of_nodes(), g.number_of_edges()) == SIZES[graph]
    side = {"bipartite": 0} if graph == "bipartite" else {}
    assert g.nodes["022012"] == AOMORI | side
    assert g.edges["220001", ZHEJIANG] == SHIZUOKA_ZHEJIANG
    assert all(value is not None for _, data in g.nodes(data=True) for value in data.values())


def test_bipartite_graph_is_bipartite(nx: Any) -> None:
    g = sa.export.to_networkx(sa.load(), "bipartite")
    sides = nx.get_node_attributes(g, "bipartite")
    assert sum(sides.values()) == 147
    assert all(sides[u] != sides[v] for u, v in g.edges)
    assert nx.is_bipartite(g)


def test_the_one_mode_graph_links_parties_of_one_side(nx: Any) -> None:
    """1-10 has two Japanese parties, so the one-mode graph joins them."""
    g = sa.export.to_networkx(sa.load(), "parties")
    same_side = [(u, v) for u, v in g.edges if g.nodes[u]["side"] == g.nodes[v]["side"]]
    assert len(same_side) == 433 - 225


def test_unknown_graph(nx: Any) -> None:
    with pytest.raises(
        sa.UnknownValueError, match=r"^unknown graph 'tree'; closest: bipartite, parties$"
    ):
        sa.export.to_networkx(sa.load(), "tree")  # type: ignore[arg-type]


@pytest.mark.parametrize("graph", ["bipartite", "parties"])
@pytest.mark.parametrize("form", ["graphml", "gexf"])
def test_files_read_back(graph: GraphKind, form: str, nx: Any, tmp_path: Path) -> None:
    path = tmp_path / f"parties.{form}"
    write = sa.export.write_graphml if form == "graphml" else sa.export.write_gexf
    write(sa.load(), path, graph)
    first = path.read_bytes()
    write(sa.load(), path, graph)
    assert path.read_bytes() == first
    assert b"lastmodifieddate" not in first
    read = nx.read_graphml if form == "graphml" else nx.read_gexf
    g = read(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == SIZES[graph]
    side = {"bipartite": 0} if graph == "bipartite" else {}
    assert g.nodes["022012"] == AOMORI | side
    edge = {k: v for k, v in g.edges["220001", ZHEJIANG].items() if k != "id"}  # GEXF's
    assert edge == SHIZUOKA_ZHEJIANG
