"""The JSON encoding of reports: orjson's compact output, the standard library where orjson refuses."""
import json

from checker.reports.encoding import compact_json


def test_compact_utf8_output_reads_back():
    document = {"fichier": "délibération.yaml", "compte": {"conforme": 3}, "taux": 0.5, "vide": None}
    text = compact_json(document)
    assert "délibération" in text
    assert " " not in text.replace("délibération.yaml", "")
    assert json.loads(text) == document


def test_lone_surrogate_from_a_file_name_is_escaped_not_a_crash():
    # os.fsdecode gives a lone surrogate for a file name that is not UTF-8; orjson refuses it.
    document = {"fichier": "acte-\udcff.yaml", "statut": "erreur"}
    text = compact_json(document)
    text.encode("utf-8")
    assert json.loads(text) == document


def test_integer_beyond_64_bits_is_written_exactly():
    document = {"presents": 10 ** 30}
    assert json.loads(compact_json(document)) == document
