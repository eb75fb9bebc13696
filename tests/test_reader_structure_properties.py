"""Properties of the dates the reader returns, over generated documents mixing the phrasings of
opening formulas, titles, convocations, quoted meetings and stamps, in any order."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_support import schema_errors, undated, value

from checker.errors import InputError
from checker.reader import read_text
from checker.reader.dates import MONTH_NAMES, int_to_words
from checker.reader.deliberations import read_deliberations
from checker.reader.normalize import Document
from checker.reader.seance import read_meeting_date
from checker.reader.zones import cut

DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


def numeric(d):
    return d.strftime("%d/%m/%Y")


def spelled(d):
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def in_words(d):
    return f"L'an {int_to_words(d.year)}, le {int_to_words(d.day)} {MONTH_NAMES[d.month - 1]}"


PIECES = [
    lambda d: f"{in_words(d)} à vingt heures, le conseil municipal s'est réuni.",
    lambda d: f"L an {int_to_words(d.year)}, le {d.day} {MONTH_NAMES[d.month - 1]}, le conseil s est réuni.",
    lambda d: f"SÉANCE DU {spelled(d).upper()}",
    lambda d: f"Réunion du conseil communautaire du {spelled(d)} à 18 h 00.",
    lambda d: f"Le conseil municipal, régulièrement convoqué le {spelled(d)}, s'est réuni.",
    lambda d: f"Date de convocation : {numeric(d)}",
    lambda d: f"Convocation datée du {spelled(d)}.",
    lambda d: f"convoqué par courrier en date du {numeric(d)}",
    lambda d: f"Approbation du procès-verbal de la séance du {spelled(d)}.",
    lambda d: f"Le quorum n'ayant pas été atteint lors de la séance du {spelled(d)}, le conseil a été à nouveau "
              f"convoqué.",
    lambda d: f"Reçu en préfecture le {numeric(d)}",
    lambda d: f"Affiché le {spelled(d)}",
    lambda d: f"Publication le : {d.day} {MONTH_NAMES[d.month - 1][:3].upper()}.",
    lambda d: f"ID : 091-219100000-{d:%Y%m%d}-DEL_07-DE",
    lambda d: "Le conseil, après en avoir délibéré, approuve à l'unanimité.",
    lambda d: "Secrétaire de séance : Jean DUPONT Travaux de voirie",
]

DOCUMENTS = st.lists(st.tuples(st.integers(0, len(PIECES) - 1), DAYS), min_size=1, max_size=8).map(
    lambda parts: " ".join(PIECES[i](d) for i, d in parts))


def read(text):
    try:
        record = read_text(text)
    except InputError:
        return None
    if undated(record):
        # No meeting date read: nothing to order the other dates around.
        return None
    assert schema_errors(record) == []
    return record


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_dates_keep_their_order_around_the_meeting(text):
    record = read(text)
    if record is None:
        return
    meeting = dt.date.fromisoformat(value(record["seance"]["date"]))
    convocation = record.get("convocation", {})
    sent = value(convocation.get("date_envoi"))
    if sent is not None:
        assert dt.date.fromisoformat(sent) <= meeting
    failed = value(convocation.get("date_seance_sans_quorum"))
    if failed is not None:
        assert dt.date.fromisoformat(failed) < meeting
    for delib in record.get("deliberations", []):
        for section, key in (("publicite", "date_affichage"), ("publicite", "date_mise_en_ligne"),
                             ("transmission", "date_reception")):
            found = value(delib.get(section, {}).get(key))
            if found is not None:
                assert dt.date.fromisoformat(found) >= meeting


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DAYS, st.lists(st.tuples(st.integers(0, len(PIECES) - 1), DAYS), max_size=5))
def test_the_opening_formula_names_the_meeting_whatever_else_is_quoted(day, others):
    # The formula « L'an …, le … s'est réuni » is the meeting's, above every date quoted around it
    # that is not a title: quoted meetings, convocations and stamps never replace it.
    quoted = [PIECES[i](d) for i, d in others if i not in (0, 1, 2, 3, 13)]
    text = " ".join([f"{in_words(day)} à vingt heures, le conseil municipal s'est réuni.", *quoted])
    record = read(text)
    assert record is not None
    assert value(record["seance"]["date"]) == day.isoformat()
    assert record["seance"]["heure"] == "20:00"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_zones_lie_inside_the_document_in_reading_order(text):
    doc = Document(text)
    meeting = read_meeting_date(doc)
    if meeting is None:
        return
    zones = cut(doc, meeting, read_deliberations(doc))
    size = len(doc.text)
    assert 0 == zones.meeting[0] <= zones.meeting[1] <= size
    assert zones.heading[0] <= zones.heading[1] <= zones.formula[0] <= zones.formula[1] <= size
    # The meeting's own formula lies in the meeting's block.
    assert zones.formula[0] <= zones.meeting[1]
    if zones.attendance:
        assert zones.formula[0] <= zones.attendance[0] <= zones.attendance[1] <= zones.meeting[1]
    for start, end in zones.deliberations + zones.certificates:
        assert 0 <= start <= end <= size
