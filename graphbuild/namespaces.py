"""The namespaces of graphbuild's RDF output (a light module: ``graphbuild query`` imports it on every run)."""

from __future__ import annotations

from typing import Final

#: The namespace of graphbuild's own terms (``graphbuild/vocab/graphbuild.ttl``).
GB: Final = "https://graphbuild.example.org/ns#"

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"
SCHEMA: Final = "http://schema.org/"
DCTERMS: Final = "http://purl.org/dc/terms/"
NIF: Final = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF: Final = "http://www.w3.org/2005/11/its/rdf#"
SEM: Final = "http://semanticweb.cs.vu.nl/2009/11/sem/"
ORG: Final = "http://www.w3.org/ns/org#"
PROV: Final = "http://www.w3.org/ns/prov#"
WD: Final = "http://www.wikidata.org/entity/"

#: Prefixes used when writing Turtle, TriG and JSON-LD (plus one per kind of minted IRI).
PREFIXES: Final[dict[str, str]] = {
    "gb": GB,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "schema": SCHEMA,
    "dcterms": DCTERMS,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "sem": SEM,
    "org": ORG,
    "prov": PROV,
    "wd": WD,
}

