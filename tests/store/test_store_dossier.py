"""A record kept by the store reads back to the same findings (facts, sources, asserted facts)."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.inputs import read_document
from checker.record import build_record, read_record_file
from checker.store.dossier import to_stored
from checker.store.identite import identites
from ruleset.errors import InputError
from ruleset.yaml_loader import load_yaml

ROOT = Path(__file__).resolve().parents[2]


def _same_findings(engine, record):
    again = build_record(to_stored(record.root), record.fichier)
    before = [f.to_dict() for f in engine.check(record)]
    after = [f.to_dict() for f in engine.check(again)]
    assert after == before
    # Kept twice, a record is kept identically: a re-check stores no new meeting.
    assert to_stored(again.root) == to_stored(record.root)


def test_every_rule_example_reads_back_to_the_same_findings(rules, engine):
    count = 0
    for rule in rules:
        for example in rule.exemples or []:
            _same_findings(engine, build_record(example.dossier, f"{rule.id}:{example.nom}"))
            count += 1
    assert count > 300


def test_edge_cases_examples_and_read_documents_read_back_to_the_same_findings(engine):
    entries = load_yaml((ROOT / "tests/data/cas_limites.yaml").read_text(encoding="utf-8"), "cas_limites.yaml")
    built = 0
    for entry in entries:
        try:
            record = build_record(entry["dossier"], f"cas {entry['cas']}")
        except InputError:
            continue  # a case whose record the schema refuses is no record to keep
        _same_findings(engine, record)
        built += 1
    assert built > 40
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        _same_findings(engine, read_record_file(path))
    documents = sorted((ROOT / "tests/data/corpus").glob("*.txt"))
    for path in documents:
        record = read_document(path, str(path))
        kept = to_stored(record.root)
        assert any(isinstance(v, dict) and "source" in v for v in kept.get("seance", {}).values())
        _same_findings(engine, record)


NUMBERS = st.one_of(st.none(), st.sampled_from(["1", "2", "2024-01"]))


@settings(max_examples=40)
@given(st.lists(st.tuples(NUMBERS, st.one_of(st.none(), st.sampled_from(["059-215900097-20240115-A1-DE", "059-215900097-20240115-A2-DE"]))), max_size=6))
def test_identities_of_one_record_are_distinct(deliberations):
    items = []
    for numero, actes in deliberations:
        item = {}
        if numero:
            item["numero"] = numero
        if actes:
            item["transmission"] = {"identifiant_actes": actes}
        items.append(item)
    record = build_record({"collectivite": {"nom": "Ville"}, "seance": {"date": "2024-01-01"},
                           "deliberations": items}, "x.yaml")
    keys = [key for _, key, _ in identites(record)]
    assert len(keys) == len(set(keys)) == max(1, len(items))
    for (numero, actes), key in zip(deliberations, keys):
        if actes and sum(1 for _, a in deliberations if a == actes) == 1:
            assert key == f"actes:{actes}"


@pytest.mark.parametrize("bad", [{"valeur": 4000, "source": "p. 2", "confiance": 0.8}, "texte \ud7ff é", {"affirme": True}])
def test_odd_facts_are_kept(engine, bad):
    record = build_record({"seance": {"date": "2024-01-01", "membres_en_exercice": 15, "lieu": "Mairie"},
                           "collectivite": {"nom": "Ville", "population": bad if isinstance(bad, dict) and "valeur" in bad else 100},
                           "deliberations": [{"numero": "1", "objet": bad if isinstance(bad, str) else "x"}]}, "x.yaml")
    _same_findings(engine, record)


def test_packed_data_keeps_large_integers_and_text():
    from checker.store.dossier import pack, unpack
    data = {"x": 10 ** 30, "y": "é\u2028", "z": [1.5, None, True]}
    assert unpack(pack(data)) == data


def test_the_decision_kept_for_an_act_ignores_only_rules_that_do_not_apply(rules, engine):
    from checker.decision import decide
    from checker.store.acte import _decision
    count = 0
    for rule in rules:
        for example in rule.exemples or []:
            record = build_record(example.dossier, f"{rule.id}:{example.nom}")
            findings = engine.check(record)
            assert _decision(record, findings) == decide(record, findings).to_dict(), (rule.id, example.nom)
            count += 1
    assert count > 300


def test_findings_pack_with_the_dictionary_and_older_blobs_still_read(engine):
    import zlib

    from checker.store.dossier import dictionaries, dumps, pack_bytes, unpack
    record = read_record_file(ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml")
    data = {"constats": [f.to_dict() for f in engine.check(record) if f.statut != "non_applicable"]}
    raw = dumps(data)
    packed = pack_bytes(raw)
    assert packed[1] & 0x20 and int.from_bytes(packed[2:6], "big") in dictionaries()
    assert len(packed) < len(zlib.compress(raw, 3)) * 0.85
    assert unpack(packed) == data == unpack(zlib.compress(raw, 3))
    unknown = zlib.compressobj(3, zdict=b"un autre dictionnaire")
    with pytest.raises(ValueError, match="dictionnaire inconnu"):
        unpack(unknown.compress(raw) + unknown.flush())
