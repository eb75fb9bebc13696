"""Document-level zones: a file that joins another meeting's text after this one (a second extract,
an annexed procès-verbal) gives none of that text's facts to this meeting — its body, its votes,
its stamps are read in this meeting's own block."""
from reader_support import schema_errors, value

from checker.reader import read_text

FILLER = " ".join(["Le conseil municipal examine le rapport présenté par la commission des finances."] * 14)

FIRST = ("Extrait du registre des délibérations du conseil municipal. Le 12 mars 2024 à 20 h 00, le conseil "
         "municipal, dûment convoqué, s'est réuni sous la présidence de M. Paul EXEMPLE, Maire. Présents : "
         "M. Paul EXEMPLE, Mme Anne MODELE, M. Luc TEMOIN. Secrétaire de séance : Mme Anne MODELE. " + FILLER +
         " Délibération n° 2024-01 : Rapport d'activité. Le conseil municipal prend acte du rapport. ")
SECOND = ("COMMUNE DE SAINT-AUTRE Extrait du registre des délibérations. L'an deux mille vingt-trois, le cinq "
          "décembre à dix-huit heures, le conseil municipal de la commune de Saint-Autre s'est réuni. Présents : "
          "M. Jean AUTRE, Mme Lise AUTRE. Délibération n° 2023-40 : Tarifs. Après en avoir délibéré, par 12 voix "
          "pour et 3 contre, le conseil adopte. Affiché le 08/12/2023. Reçu en préfecture le 11/12/2023.")


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def test_a_second_extract_joined_after_the_first_gives_it_neither_its_body_nor_its_vote_nor_its_stamps():
    record = read(FIRST + SECOND)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert "saint-autre" not in str(value(record.get("collectivite", {}).get("nom"))).lower()
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert not any(value(v.get("pour")) == 12 or value(v.get("contre")) == 3 for v in votes)
    stamps = [d.get(section, {}) for d in record.get("deliberations", []) for section in ("publicite", "transmission")]
    assert not any("2023-12" in str(stamp) for stamp in stamps)


def test_the_second_extract_read_alone_gives_them_all():
    # The same text read alone: its facts are read, so the test above tells a zone apart, not a miss.
    record = read(SECOND)
    assert value(record["seance"]["date"]) == "2023-12-05"
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert any(value(v.get("pour")) == 12 and value(v.get("contre")) == 3 for v in votes)
    assert any("2023-12-08" in str(d.get("publicite", {})) for d in record["deliberations"])
