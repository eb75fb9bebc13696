"""Any input ends in a record or an InputError, never another exception, and never hangs."""
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_support import DATA, schema_errors, undated

from checker.errors import InputError
from checker.reader import read_file, read_text

WORDS = ["L'an", "deux", "mille", "vingt-trois", "le", "19", "décembre", "à", "18h45", "Présents", ":", "Pouvoirs",
         "Absents", "excusés", "donne", "pouvoir", "à", "M.", "Mme", "Jean", "DUPONT", "(", ")", ",", ".", "et",
         "Séance", "du", "POUR", "CONTRE", "/", "unanimité", "n°", "2023-001", "Objet", "Reçu", "en", "préfecture",
         "12/12/2023", "ID", "065-216502260-20231219-2023009-DE", "Secrétaire", "de", "séance", "convoqué",
         "\n", "…", "’", "Ⅻ", "İ", "ﬁ", "\x00", "\u200b"]


def outcome(text):
    try:
        record = read_text(text)
    except InputError as error:
        assert str(error)
        return None
    if undated(record):
        # No meeting date read: the checker refuses the record until the date is given.
        return record
    assert schema_errors(record) == []
    return record


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_valid_record_or_an_input_error(text):
    outcome(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join))
def test_any_mix_of_council_words_gives_a_valid_record_or_an_input_error(text):
    outcome(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".pdf", ""]))
def test_any_bytes_in_a_file_give_a_record_or_an_input_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("octets") / f"document{suffix}"
    path.write_bytes(data)
    try:
        record = read_file(path)
    except InputError:
        return
    assert schema_errors(record) == []


def test_a_two_megabyte_text_is_read_in_bounded_time():
    real = (DATA / "corpus" / "014.txt").read_text(encoding="utf-8")
    hostile = ("Présents : " + "Jean DUPONT, " * 2000 + "Pouvoirs : " + "A à B " * 2000 + "n° 2023-" * 2000
               + "deux mille " * 3000 + "((((" * 2000 + "........ à " * 2000 + "POUR : " * 2000)
    text = (real + " " + hostile) * (2_000_000 // (len(real) + len(hostile) + 1) + 1)
    assert len(text) >= 2_000_000
    # The reader's own CPU time, not the wall clock: on a loaded machine (CI's or a shared one) the
    # wall clock also counts what the other processes run, and this took 67 s there at a load of 15.
    started = time.process_time()
    outcome(text)
    assert time.process_time() - started < 60


def test_missing_file_and_directory_are_input_errors(tmp_path):
    for path in (tmp_path / "absent.txt", tmp_path):
        try:
            read_file(path)
        except InputError as error:
            assert error.fichier == str(path)
        else:
            raise AssertionError("InputError attendue")


def test_unsupported_format_is_an_input_error(tmp_path):
    path = tmp_path / "extrait.docx"
    path.write_bytes(b"PK\x03\x04")
    try:
        read_file(path)
    except InputError as error:
        assert "non pris en charge" in str(error)
    else:
        raise AssertionError("InputError attendue")
