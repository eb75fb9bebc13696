"""The proxy join: consecutive meetings of one body, counted across the records of a run."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from checker.joins import apply_joins
from checker.joins.pouvoirs import _body, _count, join
from ruleset.names import fold_name
from checker.record import build_record


def _meeting(date, pouvoirs, fichier=None, collectivite=None, **seance):
    data = {
        "collectivite": collectivite if collectivite is not None else {"nom": "Saint-Martin", "siren": "210100012"},
        "seance": {"date": date, "pouvoirs": pouvoirs, **seance},
    }
    return build_record(data, fichier or f"{date}.yaml")


def _proxy(mandant="Anne Martin", mandataire="Paul Durand", **extra):
    return {"mandant": mandant, "mandataire": mandataire, **extra}


def _rank(record, index=0):
    pouvoirs = record.root["seance"]["pouvoirs"]
    return pouvoirs[index].get("seances_consecutives") if pouvoirs else None


def _source(record, index=0):
    return record.root["seance"]["pouvoirs"][index].sources.get("seances_consecutives", (None,))[0]


def test_anchored_chain_counts_each_meeting_exactly():
    records = [_meeting("2023-01-09", []),
               *[_meeting(d, [_proxy()]) for d in ("2023-02-13", "2023-03-13", "2023-04-10", "2023-05-15")]]
    join(records)
    assert [_rank(r) for r in records[1:]] == [1, 2, 3, 4]
    assert "13/02/2023 (2023-02-13.yaml)" in _source(records[4])
    assert "rang 4 " in _source(records[4])


def test_chain_from_the_first_meeting_of_the_run_is_a_lower_bound_written_only_past_three():
    records = [_meeting(d, [_proxy()]) for d in ("2023-02-13", "2023-03-13", "2023-04-10", "2023-05-15")]
    join(records)
    assert [_rank(r) for r in records] == [None, None, None, 4]
    assert "au moins 4" in _source(records[3])


def test_records_are_read_in_date_order_whatever_the_input_order():
    dates = ("2023-01-09", "2023-02-13", "2023-03-13", "2023-04-10", "2023-05-15")
    records = [_meeting(dates[0], [])] + [_meeting(d, [_proxy()]) for d in dates[1:]]
    join(list(reversed(records)))
    assert [_rank(r) for r in records[1:]] == [1, 2, 3, 4]


def test_names_compared_without_accents_or_case():
    records = [_meeting("2023-01-09", []), _meeting("2023-02-13", [_proxy("Hélène Légé", "Paul Durand")]),
               _meeting("2023-03-13", [_proxy("HELENE LEGE", "paul durand")])]
    join(records)
    assert [_rank(r) for r in records[1:]] == [1, 2]


def test_a_break_restarts_the_count():
    records = [_meeting("2023-01-09", [_proxy()]), _meeting("2023-02-13", []),
               _meeting("2023-03-13", [_proxy()]), _meeting("2023-04-10", [_proxy()])]
    join(records)
    assert [_rank(r) for r in records] == [None, None, 1, 2]


def test_another_mandataire_is_another_proxy():
    records = [_meeting("2023-01-09", []), _meeting("2023-02-13", [_proxy()]),
               _meeting("2023-03-13", [_proxy(mandataire="Marie Roux")])]
    join(records)
    assert [_rank(r) for r in records[1:]] == [1, 1]


def test_different_signature_dates_make_a_new_proxy():
    records = [_meeting("2023-01-09", []),
               _meeting("2023-02-13", [_proxy(date_signature="2023-02-10")]),
               _meeting("2023-03-13", [_proxy(date_signature="2023-03-08")]),
               _meeting("2023-04-10", [_proxy()])]
    join(records)
    assert [_rank(r) for r in records[1:]] == [1, 1, 2]


def test_a_count_given_by_the_record_is_kept_and_anchors_the_next_meetings():
    records = [_meeting("2023-02-13", [_proxy(seances_consecutives=3)]), _meeting("2023-03-13", [_proxy()])]
    join(records)
    assert _rank(records[0]) == 3
    assert _source(records[0]) is None
    assert _rank(records[1]) == 4
    assert "rang 3 selon le dossier" in _source(records[1])


def test_an_asserted_count_is_not_overwritten():
    records = [_meeting("2023-01-09", []),
               _meeting("2023-02-13", [_proxy(seances_consecutives={"affirme": True, "source": "pouvoir permanent"})])]
    join(records)
    assert "seances_consecutives" in records[1].root["seance"]["pouvoirs"][0]
    assert _source(records[1]) is None


def test_bodies_are_kept_apart_and_matched_by_siren_or_name():
    a = {"nom": "Saint-Martin", "siren": "210100012"}
    b = {"nom": "Saint-Pierre", "siren": "210100020"}
    records = [_meeting("2023-01-09", [], collectivite=a),
               _meeting("2023-02-13", [_proxy()], collectivite=b),
               _meeting("2023-03-13", [_proxy()], collectivite={"nom": "SAINT-MARTIN"}),
               _meeting("2023-04-10", [_proxy()], collectivite=a)]
    join(records)
    assert _rank(records[1]) is None
    assert [_rank(records[2]), _rank(records[3])] == [1, 2]


def test_records_without_siren_or_name_are_left_alone():
    records = [_meeting("2023-01-09", [], collectivite={}), _meeting("2023-02-13", [_proxy()], collectivite={})]
    join(records)
    assert _rank(records[1]) is None


def test_a_single_record_is_not_joined():
    record = _meeting("2023-02-13", [_proxy()])
    apply_joins([record])
    assert _rank(record) is None


def test_the_fourth_consecutive_meeting_fails_l2121_20(engine):
    records = [_meeting("2023-01-09", [])] + [
        _meeting(d, [_proxy()]) for d in ("2023-02-13", "2023-03-13", "2023-04-10", "2023-05-15")]
    apply_joins(records)
    statuses = []
    for record in records[1:]:
        [finding] = [f for f in engine.check(record, only={"L2121-20.trois_seances_consecutives"})]
        statuses.append(finding.statut)
    assert statuses == ["conforme", "conforme", "conforme", "non_conforme"]
    assert any(f.source and "calculé" in f.source for f in finding.faits)


_BODIES = [{"nom": "Saint-Martin", "siren": "210100012"}, {"nom": "Val-d'Orge", "siren": "210100020"},
           {"nom": "Saint Martin"}, {"nom": "Val d'Orge"}]
_PEOPLE = ["Anne Martin", "Paul Durand", "Hélène Légé", "HELENE LEGE"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_BODIES) - 1), st.dates(dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
                          st.lists(st.tuples(st.sampled_from(_PEOPLE), st.sampled_from(_PEOPLE),
                                             st.none() | st.integers(1, 5),
                                             st.none() | st.dates(dt.date(2021, 12, 1), dt.date(2022, 12, 31))),
                                   max_size=3)),
                min_size=1, max_size=8))
def test_a_body_met_once_is_left_as_counting_it_would_leave_it(meetings):
    """The join skips the bodies the run shows once: counting their meetings anyway (as the join
    did before) writes nothing more, and the bodies met several times get the same counts."""
    def build():
        records = []
        for n, (body, date, proxies) in enumerate(meetings):
            pouvoirs = [_proxy(a, b, **({"seances_consecutives": rank} if rank else {}),
                               **({"date_signature": signed.isoformat()} if signed else {}))
                        for a, b, rank, signed in proxies]
            records.append(_meeting(date.isoformat(), pouvoirs, fichier=f"{n}.yaml", collectivite=dict(_BODIES[body])))
        return records

    def counts(records):
        return [[(p.get("seances_consecutives"), p.sources.get("seances_consecutives")) for p in r.root["seance"]["pouvoirs"]]
                for r in records]

    joined, every_body = build(), build()
    join(joined)
    siren_by_name = {}
    for record in every_body:
        nom, siren = record.root["collectivite"].get("nom"), record.root["collectivite"].get("siren")
        if siren:
            siren_by_name.setdefault(fold_name(nom), siren)
    bodies = {}
    for order, record in enumerate(every_body):
        bodies.setdefault(_body(record, siren_by_name), []).append((record.date, order, record))
    for found in bodies.values():
        _count([record for _, _, record in sorted(found, key=lambda item: (item[0], item[1]))])
    assert counts(joined) == counts(every_body)
