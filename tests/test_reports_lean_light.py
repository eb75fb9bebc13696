"""The lean report made from light findings (`checker.evidence`) against the one made from every
finding in full: the same JSON, byte for byte, act status, counts, decision, evidence and all.

The batch makes the undecided findings of an act light (no message, title or link; facts read
from the outcome's trace) and only the non-compliant ones in full; a `LeanResult` whose findings
were all made first (`result.findings`) takes the full ones. Both are compared on every rule
example, every edge case of the specification, generated batches (with the reference data, as
the batch runs) and read documents (confidences, facts set aside).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batch import _Referentiel
from checker.evidence import LightFinding
from checker.inputs import iter_sources, load_source
from checker.joins import apply_joins
from checker.record import build_record
from checker.results import LeanResult
from ruleset.yaml_loader import load_yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def _both(engine, record, annotate=None) -> tuple[str, str, LeanResult]:
    entries = engine.evaluate(record)
    light = LeanResult("essai", record, engine, entries, None, None, annotate)
    full = LeanResult("essai", record, engine, entries, None, None, annotate)
    full.findings  # every finding made in full: the lean line is then written from them
    shown = json.dumps(light.to_dict(show_all=True), ensure_ascii=False, default=str)
    return shown, json.dumps(full.to_dict(show_all=True), ensure_ascii=False, default=str), light


def _light_made(result: LeanResult) -> int:
    return sum(type(f) is LightFinding for f in result.evidence())


def test_every_rule_example_gives_the_same_lean_line_from_light_findings(engine, rules):
    light = 0
    for rule in rules:
        for example in rule.exemples:
            record = build_record(example.dossier, f"{rule.fichier}:{example.nom}")
            shown, expected, result = _both(engine, record)
            assert shown == expected, (rule.id, example.nom)
            light += _light_made(result)
    assert light > 1000


def test_every_edge_case_gives_the_same_lean_line_from_light_findings(engine):
    entries = load_yaml((DATA / "cas_limites.yaml").read_text(encoding="utf-8"), "cas_limites.yaml")
    assert len(entries) >= 54
    for entry in entries:
        record = build_record(entry["dossier"], entry["nom"])
        shown, expected, _ = _both(engine, record)
        assert shown == expected, entry["nom"]


def _batch(engine, count: int, seed: int) -> list:
    path = _write(count, seed)
    try:
        items = [load_source(source, index) for index, source in enumerate(iter_sources([path], "auto"))]
    finally:
        os.unlink(path)
    records = [item.record for item in items if item.record is not None]
    _Referentiel(engine)(records)
    apply_joins(records)
    return records


def _write(count: int, seed: int) -> str:
    import tempfile
    handle = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with handle:
        handle.write("\n".join(generate.lines(count, seed=seed)) + "\n")
    return handle.name


def test_a_generated_batch_gives_the_same_lean_lines_from_light_findings(engine):
    records = _batch(engine, 200, seed=11)
    assert len(records) > 180
    merged = 0
    for record in records:
        shown, expected, result = _both(engine, record, _Referentiel.annotate)
        assert shown == expected, record.root["collectivite"].get("nom")
        line = json.loads(shown)
        merged += sum(len(c["chemins"]) - 1 for c in line["constats"])
        assert _light_made(result) > 0
    # Findings with the same evidence on several acts were merged: that path is compared too.
    assert merged > 0


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_any_generated_batch_gives_the_same_lean_lines_from_light_findings(engine, seed):
    for record in _batch(engine, 4, seed):
        shown, expected, _ = _both(engine, record, _Referentiel.annotate)
        assert shown == expected


def test_read_documents_give_the_same_lean_lines_from_light_findings(engine):
    read = 0
    for path in sorted((DATA / "corpus").glob("*.txt"))[:4]:
        for index, source in enumerate(iter_sources([str(path)], "auto")):
            item = load_source(source, index)
            if item.record is None:
                continue
            shown, expected, _ = _both(engine, item.record)
            assert shown == expected, path.name
            read += 1
    assert read >= 3


def _doubtful_roll(rejected: bool) -> dict:
    """A roll of members read with doubt: the non-compliant count of votes and quorum it would
    found are set aside by the confidence gate (`checker.confiance`), their statuses changed."""
    lecture: dict = {"confiances": {"seance.membres": 0.7}}
    if rejected:
        lecture["rejetees"] = [{"champ": "convocation.date_envoi", "raison": "date illisible", "source": "le 3 mars"}]
    members = [{"nom": f"Membre {i}", "presence": "present" if i < 5 else "absent"} for i in range(10)]
    return {"seance": {"date": "2023-03-13", "membres_en_exercice": 10, "membres": members,
                       "presents": {"valeur": 7, "confiance": 0.0}},
            "deliberations": [{"numero": "1", "vote": {"pour": 6, "contre": 0, "abstentions": 0}}],
            "lecture": lecture}


def test_findings_the_gate_sets_aside_are_counted_and_shown_alike_from_light_findings(engine):
    for rejected in (False, True):
        shown, expected, result = _both(engine, build_record(_doubtful_roll(rejected), "douteux"))
        assert shown == expected
        line = json.loads(shown)
        gated = [c for c in line["constats"] if c["regle"] == "L2121-20.decompte_des_voix"]
        assert gated and gated[0]["statut"] == "indetermine" and "0,7" in gated[0]["doute"]
        assert line["compte"]["indetermine"] == sum(
            len(c["chemins"]) for c in line["constats"] if c["statut"] == "indetermine")
        # Light findings unless facts were set aside, whose missing facts the gate explains.
        assert (_light_made(result) > 0) is not rejected


def test_a_light_finding_reads_as_the_full_finding_it_stands_for(engine):
    compared = 0
    for record in _batch(engine, 60, seed=23):
        entries = engine.evaluate(record)
        light = LeanResult("essai", record, engine, entries, None, None, _Referentiel.annotate)
        full = LeanResult("essai", record, engine, entries, None, None, _Referentiel.annotate)
        made = {(f.regle, f.chemin): f for f in full.findings}
        for finding in light.evidence():
            if type(finding) is not LightFinding:
                continue
            whole = made[(finding.regle, finding.chemin)]
            for name in ("regle", "statut", "gravite", "chemin", "valeurs", "doute", "ecartee_par", "erreur_regle",
                         "asserted_only", "point_de_droit", "titre", "article", "alinea", "url", "objet", "message"):
                assert getattr(finding, name) == getattr(whole, name), (finding.regle, name)
            assert [f.to_dict() for f in finding.faits] == [f.to_dict() for f in whole.faits]
            assert [m.to_dict() for m in finding.manquants] == [m.to_dict() for m in whole.manquants]
            compared += 1
    assert compared > 500


def _non_compliant_light(result: LeanResult) -> int:
    return sum(type(f) is LightFinding and f.statut == "non_conforme" for f in result.evidence())


def test_non_compliant_findings_are_light_only_where_nothing_would_change_them(engine):
    # A generated batch: no confidence, nothing the reference data fills in: light.
    light = 0
    for record in _batch(engine, 40, seed=5):
        shown, expected, result = _both(engine, record, _Referentiel.annotate)
        assert shown == expected
        light += _non_compliant_light(result)
    assert light > 10
    # A count given with a confidence under the gate's threshold, no `lecture` in the record: the
    # quorum it would miss is set aside (`checker.confiance`), so the finding is made in full.
    doubtful = {"seance": {"date": "2023-03-13", "membres_en_exercice": 10,
                           "presents": {"valeur": 3, "confiance": 0.5}},
                "deliberations": [{"numero": "1", "vote": {"pour": 3, "contre": 0, "abstentions": 0}}]}
    shown, expected, result = _both(engine, build_record(doubtful, "douteux"))
    assert shown == expected
    quorum = [c for c in json.loads(shown)["constats"] if c["regle"].endswith(".quorum")]
    assert quorum and quorum[0]["statut"] == "indetermine" and "0,5" in quorum[0]["doute"]
    assert _non_compliant_light(result) == 0
    # The same count given without a confidence: the quorum is missed, the finding light.
    doubtful["seance"]["presents"] = 3
    shown, expected, result = _both(engine, build_record(doubtful, "sûr"))
    assert shown == expected
    assert [c["statut"] for c in json.loads(shown)["constats"] if c["regle"].endswith(".quorum")] == ["non_conforme"]
    assert _non_compliant_light(result) > 0


_CONFIDENCE = st.one_of(st.none(), st.floats(0, 1), st.integers(0, 1))


@settings(max_examples=60, deadline=None)
@given(presents=_CONFIDENCE, office=_CONFIDENCE, bounds=_CONFIDENCE, proxy=_CONFIDENCE, seed=st.integers(0, 50))
def test_a_record_says_from_its_decoding_whether_it_gave_a_confidence_as_a_walk_of_its_nodes_finds(
        presents, office, bounds, proxy, seed):
    from checker.results import _confidences
    try:
        data = json.loads(next(iter(generate.lines(1, seed=seed))))
    except ValueError:
        return
    if not isinstance(data, dict) or not isinstance(data.get("seance"), dict):
        return
    seance = data["seance"]
    wrapped = False
    if presents is not None and isinstance(seance.get("presents"), int):
        seance["presents"] = {"valeur": seance["presents"], "confiance": presents}
        wrapped = True
    if office is not None and isinstance(seance.get("membres_en_exercice"), int):
        seance["membres_en_exercice"] = {"valeur": seance["membres_en_exercice"], "source": "p. 1", "confiance": office}
        wrapped = True
    if bounds is not None:
        seance["representes"] = {"min": 0, "max": 2, "confiance": bounds}
        wrapped = True
    pouvoirs = seance.get("pouvoirs")
    if proxy is not None and isinstance(pouvoirs, list) and pouvoirs and isinstance(pouvoirs[0].get("mandant"), str):
        pouvoirs[0]["mandant"] = {"valeur": pouvoirs[0]["mandant"], "confiance": proxy}
        wrapped = True
    try:
        record = build_record(data, "essai")
    except Exception:
        return
    assert record.confiances is wrapped
    # Never a confidence missed; one given and then replaced by a derived fact (a doubtful count
    # the roll contradicts) still says True: the findings are then made in full, as they read.
    assert wrapped or not _confidences(record.root)


_JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(-2, 2, allow_nan=False),
                       st.sampled_from(["", "a", "1", "true"]))
_JSON = st.recursive(_JSON_LEAF, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2)),
                     max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(a=_JSON, b=_JSON)
def test_values_are_the_same_as_json_writes_them_whatever_python_s_equality_says(a, b):
    from checker.evidence import _same
    # The former comparison: Python's equality, then the `repr` of lists and objects (`True` is
    # not `1`, `1.0` not `1`, not even inside a list).
    expected = type(a) is type(b) and a == b and (type(a) not in (list, dict) or repr(a) == repr(b))
    assert _same(a, b) is expected
    assert _same(a, a)
    assert not _same([True], [1]) and not _same({"a": 1.0}, {"a": 1}) and not _same([0.0], [-0.0])


def test_a_one_record_check_does_not_load_orjson():
    # The lean report compares values with orjson; a one-record run, whose text report is not
    # lean, must not pay for loading it (its cold start is a goal of its own).
    import subprocess
    script = ("import sys\nfrom checker.cli import main\n"
              "try:\n    main(['check', sys.argv[1]], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
              "sys.stderr.write('orjson' + ('+' if 'orjson' in sys.modules else '-'))\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    run = subprocess.run([sys.executable, "-c", script, str(ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert run.stderr.endswith("orjson-"), run.stderr[-500:]


def test_light_findings_made_together_are_those_made_one_by_one(engine):
    from checker.evidence import ActFacts
    compared = 0
    for record in _batch(engine, 30, seed=5):
        entries = engine.evaluate(record)
        act = ActFacts(engine, record)
        for alone, together in zip((LightFinding.made([entry], act)[0] for entry in entries),
                                   LightFinding.made(entries, act)):
            for name in LightFinding.__slots__:
                assert getattr(alone, name) == getattr(together, name), name
            compared += 1
    assert compared > 1000
