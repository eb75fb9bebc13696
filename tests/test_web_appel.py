"""The roll call of « Préparer une séance » keeps what the roster says of each proxy given for several
meetings (first meeting, number of meetings, illness, signature, birth dates of members) from one
answer of the page to the next and into the meeting's record; a proxy the clerk picks in the page is
one given for this meeting; a rank the page cannot know is left unknown, never made up."""
from __future__ import annotations

import re
import warnings
from html import unescape

import pytest
import yaml

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from checker.record import build_record  # noqa: E402
from checker.web.app import create_app  # noqa: E402
from checker.web.config import Settings  # noqa: E402

ROSTER = """collectivite: {nom: Commune de Saint-Exemple, nature: commune, population: 300}
membres_en_exercice: 6
membres:
  - {nom: Anne ARNAUD, date_naissance: 1950-02-01}
  - Bruno BLANC
  - Chloé CARON
  - David DUBOIS
  - Émilie ÉTIENNE
pouvoirs:
  - {mandant: Bruno BLANC, mandataire: Anne ARNAUD, premiere_seance: 2024-03-01, date_signature: 2024-02-27}
  - {mandant: Chloé CARON, mandataire: David DUBOIS, premiere_seance: 2024-03-01, seances: 6, maladie: oui}
  - {mandant: David DUBOIS, mandataire: Anne ARNAUD, premiere_seance: 2024-01-01, jusqu_au: 2024-02-01}
"""
NAMES = ["Anne ARNAUD", "Bruno BLANC", "Chloé CARON", "David DUBOIS", "Émilie ÉTIENNE"]
PREVIOUS = """format: 1
collectivite: {nom: Commune de Saint-Exemple, nature: commune, population: 300}
seance:
  date: 2024-04-05
  membres_en_exercice: 6
  presents: 3
  pouvoirs:
    - {mandant: Bruno BLANC, mandataire: Anne ARNAUD, seances_consecutives: 3, date_signature: 2024-02-27}
    - {mandant: Chloé CARON, mandataire: David DUBOIS, seances_consecutives: 3, maladie: true}
deliberations: [{numero: "1"}]
"""


@pytest.fixture(scope="module")
def web():
    with TestClient(create_app(Settings())) as c:
        yield c


def hidden(html: str) -> dict:
    return {name: unescape(value) for name, value in re.findall(r'<input type="hidden" name="(registre_\w+)" '
                                                                  r'value="([^"]*)"', html)}


def joined(web) -> dict:
    """The page's answer once the roster is joined: the fields it keeps for the next answer."""
    response = web.post("/seance", data={"seance": "2024-05-10", "population": "300"},
                        files={"registre": ("conseil.yaml", ROSTER.encode())})
    assert response.status_code == 200
    kept = hidden(response.text)
    assert kept["registre_nom"] == "conseil.yaml" and "date_signature" in kept["registre_dossier"]
    return kept


def roll_call(kept: dict, **extra) -> dict:
    """The roll call as the page sends it: Anne, David, Émilie present; the roster's proxies kept."""
    return {"seance": "2024-05-10", "population": "300", "membre": NAMES,
            "present": ["Anne ARNAUD", "David DUBOIS", "Émilie ÉTIENNE"],
            "pouvoir_1": "Anne ARNAUD", "pouvoir_2": "David DUBOIS", **kept, **extra}


def test_the_roster_proxies_are_shown_with_their_details_and_expired_ones_are_not_proposed(web):
    response = web.post("/seance", data={"seance": "2024-05-10", "population": "300"},
                        files={"registre": ("conseil.yaml", ROSTER.encode())})
    html = unescape(response.text)
    assert "pouvoir au registre à Anne ARNAUD, depuis le 01/03/2024, signé le 27/02/2024" in html
    assert "pouvoir au registre à David DUBOIS, depuis le 01/03/2024, pour 6 séances, maladie constatée" in html
    # David's proxy ended on 1 February: he is no longer proposed as represented.
    assert "jusqu'au 01/02/2024" not in html
    assert 'value="6"' in html  # membres_en_exercice of the roster, not the number of names


def test_the_record_keeps_the_roster_details_after_the_roster_is_gone(web):
    kept = joined(web)
    response = web.post("/seance/dossier", data=roll_call(kept))
    assert response.status_code == 200
    record = yaml.safe_load(response.text)
    build_record(record, "dossier")
    proxies = {p["mandant"]: p for p in record["seance"]["pouvoirs"]}
    assert proxies["Bruno BLANC"]["date_signature"] == "2024-02-27"
    assert proxies["Chloé CARON"]["maladie"] is True
    # Both started before this meeting and no previous record was given: rank unknown, and said so.
    assert "seances_consecutives" not in proxies["Bruno BLANC"]
    assert "Rang inconnu du pouvoir de Bruno BLANC à Anne ARNAUD" in response.text
    assert record["seance"]["membres_en_exercice"] == 6
    assert record["seance"]["membres"][0] == {"nom": "Anne ARNAUD", "date_naissance": "1950-02-01",
                                              "presence": "present"}
    assert record["collectivite"]["nom"] == "Commune de Saint-Exemple"


def test_a_proxy_of_unknown_rank_is_never_reported_within_the_three_meetings(web):
    kept = joined(web)
    html = unescape(web.post("/seance/reponses", data=roll_call(kept)).text)
    section = html[html.index('id="reponse-checklist"'):]
    assert "Pouvoirs à vérifier" in section and "L2121-20.trois_seances_consecutives" in section
    assert "Indéterminé" in section or "indéterminé" in section.lower()


def test_the_previous_meeting_gives_the_rank_and_the_fourth_meeting_is_reported(web):
    kept = joined(web)
    files = {"precedente": ("seance-2024-04-05.yaml", PREVIOUS.encode())}
    response = web.post("/seance/dossier", data=roll_call(kept), files=files)
    assert response.status_code == 200, response.text
    proxies = {p["mandant"]: p for p in yaml.safe_load(response.text)["seance"]["pouvoirs"]}
    assert proxies["Bruno BLANC"]["seances_consecutives"] == 4
    assert proxies["Chloé CARON"]["seances_consecutives"] == 4
    html = unescape(web.post("/seance/reponses", data=roll_call(kept), files=files).text)
    section = html[html.index('id="reponse-checklist"'):]
    # Bruno's fourth meeting without illness is irregular; Chloé's illness lifts the limit.
    assert "Déjà non conforme" in section and "Pouvoir de Bruno BLANC utilisé" in section
    assert "Chloé CARON" not in section[section.index("Déjà non conforme"):section.index("Pouvoir de Bruno")]


def test_a_proxy_picked_in_the_page_is_given_for_this_meeting(web):
    kept = joined(web)
    data = roll_call(kept, pouvoir_1="David DUBOIS")
    record = yaml.safe_load(web.post("/seance/dossier", data=data).text)
    proxies = {p["mandant"]: p for p in record["seance"]["pouvoirs"]}
    assert proxies["Bruno BLANC"]["mandataire"] == "David DUBOIS"
    assert proxies["Bruno BLANC"]["seances_consecutives"] == 1
    assert "date_signature" not in proxies["Bruno BLANC"]


def test_a_member_ticked_present_drops_the_roster_proxy(web):
    kept = joined(web)
    data = roll_call(kept)
    data["present"] = data["present"] + ["Bruno BLANC"]
    record = yaml.safe_load(web.post("/seance/dossier", data=data).text)
    assert [p["mandant"] for p in record["seance"]["pouvoirs"]] == ["Chloé CARON"]


def test_a_tampered_roster_is_refused_as_a_roster_file_is(web):
    kept = joined(web)
    kept["registre_dossier"] = kept["registre_dossier"].replace('"mandataire": "Anne ARNAUD"',
                                                                '"mandataire": "Zoé ZORRO"', 1)
    response = web.post("/seance", data=roll_call(kept))
    assert response.status_code == 400
    assert "« Zoé ZORRO » n'est pas un membre du registre" in unescape(response.text)


def test_the_roster_gives_the_body_the_clerk_left_empty(web):
    """A roster joined before the population is typed: its body answers the convocation question."""
    response = web.post("/seance", data={"seance": "2024-05-10"}, files={"registre": ("conseil.yaml", ROSTER.encode())})
    assert response.status_code == 200
    html = unescape(response.text)
    assert 'value="Commune de Saint-Exemple"' in html and 'name="population" id="population" inputmode="numeric" value="300"' in html
    assert "Dernier jour d'envoi : lundi 06/05/2024 (3 jours francs requis)" in re.sub(r"<[^>]+>", "", html)
    typed = web.post("/seance", data={"seance": "2024-05-10", "population": "4000"},
                     files={"registre": ("conseil.yaml", ROSTER.encode())})
    assert "(5 jours francs requis)" in unescape(typed.text)
