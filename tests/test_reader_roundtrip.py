"""A record written out by `render_text` in varied phrasings and read back gives its facts again."""
from __future__ import annotations

import datetime as dt
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_support import schema_errors, value

from checker.reader import read_text, render_text
from checker.reader.normalize import fold_name

FIRST = ["Jean", "Marie", "Anne-Marie", "Jean-Luc", "Sylvie", "Éric", "Hélène", "François", "Chantal",
         "Gérard", "Nathalie", "Loïc", "Maëlle", "Benoît", "Céline", "Yves", "Agnès", "Thierry", "Zoé"]
LAST = ["DUPONT", "MARTIN", "LE GOFF", "DA SILVA", "BÉRANGER", "FAURE", "N'DIAYE", "LEFÈVRE", "DE LA TOUR",
        "MOREAU", "GIRARD", "ROUSSEL", "COLIN", "BRUNET", "PERRIN", "DUBOIS", "LAMBERT", "FONTAINE",
        "CHEVALIER", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER"]
TOWNS = ["Saint-Martin", "Villeneuve-sur-Lot", "Aubenas", "Le Mesnil", "Orcières", "Saint-Ay", "Ibos"]
OBJETS = ["Tarifs de la restauration scolaire", "Adhésion au syndicat mixte ouvert Nord - Pas-de-Calais Numérique",
          "Acquisition d'une parcelle cadastrée AB 12", "Subvention à l'association sportive",
          "Budget primitif 2024", "Création d'un poste d'adjoint technique",
          "Modification des statuts de la communauté de communes", "Ouverture des crédits d'investissement"]
PLACES = ["salle du conseil municipal", "salle des fêtes", "mairie"]


@st.composite
def records(draw):
    people = draw(st.lists(st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)), min_size=4, max_size=14,
                           unique_by=lambda p: p[1]))
    names = [f"{first} {last}" for first, last in people]
    n_proxies = draw(st.integers(0, len(names) // 3))
    n_absents = draw(st.integers(0, min(2, len(names) - n_proxies - 2)))
    present = names[:len(names) - n_proxies - n_absents]
    mandants = names[len(present):len(present) + n_proxies]
    absents = names[len(present) + n_proxies:]
    holders = draw(st.permutations(present))[:n_proxies]
    date = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
    seance = {"date": date.isoformat()}
    if draw(st.booleans()):
        seance["heure"] = f"{draw(st.integers(8, 22)):02d}:{draw(st.sampled_from([0, 5, 15, 30, 45, 50])):02d}"
    if draw(st.booleans()):
        seance["lieu"] = draw(st.sampled_from(PLACES))
    if draw(st.booleans()):
        seance["president"] = present[0]
    if draw(st.booleans()):
        seance["secretaires"] = [present[-1]]
    # Printed counts agree with the roll, as in a real document: the reader sets aside counts that
    # contradict it (tests/test_reader_coherence.py).
    counts = {"membres_en_exercice": len(names), "presents": len(present), "representes": len(mandants),
              "votants": len(present) + len(mandants)}
    for field, count in counts.items():
        if count and draw(st.booleans()):
            seance[field] = count
    seance["membres"] = ([{"nom": n, "presence": "present"} for n in present]
                         + [{"nom": n, "presence": "represente"} for n in mandants]
                         + [{"nom": n, "presence": "absent"} for n in absents])
    if mandants:
        seance["pouvoirs"] = [{"mandant": a, "mandataire": b} for a, b in zip(mandants, holders)]
    if absents:
        seance["absents"] = absents
    town = draw(st.sampled_from(TOWNS))
    record = {"collectivite": {"nom": f"Commune {'d' + chr(39) if town[0] in 'AEIOU' else 'de '}{town}",
                               "nature": "commune"},
              "seance": seance}
    convocation = draw(st.sampled_from(["none", "date", "affirme"]))
    if convocation == "date":
        record["convocation"] = {"date_envoi": (date - dt.timedelta(days=draw(st.integers(1, 20)))).isoformat()}
    elif convocation == "affirme":
        record["convocation"] = {"date_envoi": {"affirme": True, "source": "…"}}
    deliberations = []
    count = draw(st.integers(1, 3))
    objets = draw(st.permutations(OBJETS))[:count]
    for i, objet in enumerate(objets):
        numero = draw(st.sampled_from([f"{date.year}-0{10 + i}", f"DEL{date.year}_{10 + i}", f"D{date.year}-0{30 + i}"]))
        delib = {"numero": numero, "objet": objet}
        if draw(st.booleans()):
            delib["vote"] = {"unanimite": True}
            of = draw(st.sampled_from([None, "presents_et_representes", "exprimes"]))
            if of:
                delib["vote"]["unanimite_de"] = of
        else:
            # No more votes than members present or represented, as in a real document: more votes than
            # members in office are not read (checker/reader/vote_checks.py).
            voters = max(1, len(present) + len(mandants))
            pour = draw(st.integers(1, voters))
            contre = draw(st.integers(0, min(5, voters - pour)))
            delib["vote"] = {"pour": pour, "contre": contre,
                             "abstentions": draw(st.integers(0, min(5, voters - pour - contre)))}
        if draw(st.integers(0, 3)) == 0:
            delib["vote"]["mode"] = draw(st.sampled_from(["main_levee", "scrutin_secret"]))
        stamp_day = date + dt.timedelta(days=draw(st.integers(0, 20)))
        if draw(st.booleans()):
            delib["transmission"] = {"date_envoi": stamp_day.isoformat(), "date_reception": stamp_day.isoformat(),
                                     "identifiant_actes": f"065-216502260-{date:%Y%m%d}-{re.sub(r'[^A-Za-z0-9_]', '', numero)}-DE"}
        if draw(st.booleans()):
            delib["publicite"] = {"date_affichage": stamp_day.isoformat(),
                                  "date_mise_en_ligne": stamp_day.isoformat()}
        deliberations.append(delib)
    record["deliberations"] = deliberations
    return record


def same_name(a: str, b: str) -> bool:
    return fold_name(a) == fold_name(b)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), seed=st.integers(0, 2 ** 32 - 1))
def test_render_then_read_gives_back_the_record_facts(record, seed):
    text = render_text(record, random.Random(seed))
    read = read_text(text)
    assert schema_errors(read) == []
    expected = record["seance"]
    # A fact read right but set aside by a cross-check (a list no printed count confirms) is
    # compared as read: the parsing is what this test checks (coherence has its own tests).
    got = dict(read["seance"])
    for entry in read.get("lecture", {}).get("rejetees", []):
        field = entry["champ"].split(".", 1)[1] if entry["champ"].startswith("seance.") else None
        if field and field not in got and field != "date":
            # A count keeps its source (« calculé : … ») as read.
            got[field] = ({"valeur": entry["valeur"], "source": entry["source"]}
                          if isinstance(entry["valeur"], int) and "source" in entry else entry["valeur"])
    if "membres" in expected and "membres" not in got and "membres" not in read["seance"]:
        expected = {k: v for k, v in expected.items() if k != "membres"}
    note = f"\n--- texte ---\n{text}\n--- lu ---\n{read}"
    assert value(got["date"]) == expected["date"], note
    assert got.get("heure") == expected.get("heure"), note
    for field in ("lieu", "president"):
        if field in expected:
            assert fold_name(value(got.get(field)) or "").endswith(fold_name(expected[field])), note
    for field in ("membres_en_exercice", "presents", "representes", "votants"):
        if field in expected:
            assert value(got.get(field)) == expected[field], (field, note)
    if "votants" not in expected and "votants" in got:
        # Not printed: derived from the présents and représentés (printed, or counted on lists that
        # the members in office confirm), and said so.
        assert got["votants"]["source"].startswith("calculé"), note
        membres = record["seance"].get("membres", [])
        present = expected.get("presents", sum(1 for m in membres if m.get("presence") == "present"))
        represented = expected.get("representes", len(record["seance"].get("pouvoirs", [])))
        if got["votants"]["source"].startswith("calculé : total des voix"):
            # The names listed only bounded the présents, and the first vote counted side by side
            # (which the generated record need not make agree with the roll) gave them.
            vote = next(d["vote"] for d in record["deliberations"] if "pour" in d.get("vote", {}))
            assert value(got["votants"]) == sum(vote.get(k, 0) for k in ("pour", "contre", "abstentions")), note
            assert present <= value(got["presents"]) <= present + 2, note
        else:
            assert value(got["votants"]) == present + represented, note
    assert [fold_name(n) for n in got.get("secretaires", [])] == [fold_name(n) for n in expected.get("secretaires", [])], note
    pairs = lambda s: sorted((fold_name(p["mandant"]), fold_name(p["mandataire"])) for p in s.get("pouvoirs", []))
    assert pairs(got) == pairs(expected), note
    assert sorted(map(fold_name, got.get("absents", []))) == sorted(map(fold_name, expected.get("absents", []))), note
    presence = lambda s: sorted((fold_name(m["nom"]), m["presence"].replace("absent_excuse", "absent"))
                                for m in s.get("membres", []))
    assert presence(got) == presence(expected), note
    convocation = record.get("convocation", {}).get("date_envoi")
    read_convocation = read.get("convocation", {}).get("date_envoi")
    if convocation is None:
        assert read_convocation is None, note
    elif isinstance(convocation, dict):
        assert read_convocation.get("affirme") is True, note
    else:
        assert value(read_convocation) == convocation, note
    assert [d.get("numero") for d in read.get("deliberations", [])] == [d["numero"] for d in record["deliberations"]], note
    for want, have in zip(record["deliberations"], read["deliberations"]):
        assert value(have.get("objet")) == want["objet"], note
        vote = have.get("vote", {})
        wanted_vote = dict(want["vote"])
        against, abstained = wanted_vote.get("contre"), wanted_vote.get("abstentions")
        if against or abstained:
            # Votes against or abstentions printed: the reader says the vote was not unanimous.
            wanted_vote["unanimite"] = False
            wanted_vote.pop("unanimite_de", None)
        elif "unanimite" not in wanted_vote and wanted_vote.get("pour") and against == 0 and abstained == 0:
            wanted_vote["unanimite"] = True
        for key in ("unanimite", "pour", "contre", "abstentions"):
            assert value(vote.get(key)) == wanted_vote.get(key), (key, note)
        assert vote.get("unanimite_de") == wanted_vote.get("unanimite_de"), note
        assert vote.get("mode") == want["vote"].get("mode"), note
        for section in ("transmission", "publicite"):
            for key, wanted in want.get(section, {}).items():
                assert value(have.get(section, {}).get(key)) == wanted, (section, key, note)
            if section not in want:
                assert section not in have, note
