"""Hypothesis strategies for meetings and the helpers the property tests share (issue 4).

- `dates`: meeting dates from 1996 to `DERNIER_JOUR`, weighted towards the days where the law changes;
- `dossiers`: valid records, coherent or not (bodies, members, proxies, convocation, votes…);
- `schema`: any record the schema accepts, drawn from the schema itself;
- `faits`: partial records, each fact taken out or only asserted;
- `invalides`: invalid input (wrong types, impossible dates, unknown keys, huge numbers, deep
  nesting, random bytes, YAML and JSON traps);
- `regles`: what the properties look up in the loaded rules (families, COVID exceptions).
"""
from strategies.dates import (DERNIER_JOUR, DATES_CHARNIERES, DEBUT, PERIODES_COVID, dates_dans_periode,
                              dates_hors_covid, dates_sensibles, periode_covid)
from strategies.dossiers import dossiers
from strategies.faits import dossiers_partiels
from strategies.invalides import entrees_invalides
from strategies.schema import dossiers_du_schema, schema_valide

__all__ = ["DERNIER_JOUR", "DATES_CHARNIERES", "DEBUT", "PERIODES_COVID", "dates_dans_periode", "dates_hors_covid",
           "dates_sensibles", "periode_covid", "dossiers", "dossiers_partiels", "entrees_invalides",
           "dossiers_du_schema", "schema_valide"]
