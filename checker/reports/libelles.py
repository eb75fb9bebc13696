"""Facts of the record named in French for a reader: « date d'envoi de la convocation », not
`convocation.date_envoi`. A path with no label here is shown cleaned of its punctuation."""
from __future__ import annotations

import re

LIBELLES = {
    "collectivite.nature": "nature de la collectivité",
    "collectivite.population": "population",
    "collectivite.alsace_moselle": "appartenance à l'Alsace-Moselle",
    "collectivite.site_internet": "existence d'un site internet",
    "collectivite.effectif_legal": "effectif légal du conseil",
    "collectivite.membres": "membres de l'établissement",
    "seance.date": "date de la séance",
    "seance.lieu_type": "lieu de la séance",
    "seance.president": "président de séance",
    "seance.secretaires": "secrétaire de séance",
    "seance.membres_en_exercice": "nombre de membres en exercice",
    "seance.presents": "nombre de présents",
    "seance.representes": "nombre de représentés",
    "seance.membres": "liste des membres et de leur présence",
    "seance.membres.nom": "nom d'un membre",
    "seance.membres.presence": "présence d'un membre",
    "seance.pouvoirs": "pouvoirs",
    "seance.pouvoirs.mandant": "membre qui donne pouvoir",
    "seance.pouvoirs.mandataire": "membre qui reçoit le pouvoir",
    "seance.pouvoirs.ecrit": "pouvoir donné par écrit",
    "seance.pouvoirs.seances_consecutives": "nombre de séances couvertes par le pouvoir",
    "seance.pouvoirs.mandataire_designe": "mandataire nommé par le pouvoir écrit",
    "seance.pouvoirs.seance_designee": "séance désignée par le pouvoir écrit",
    "seance.proces_verbal": "procès-verbal",
    "seance.compte_rendu": "compte rendu",
    "seance.liste_deliberations": "liste des délibérations",
    "seance.lieu_prefet_informe": "information du préfet sur le lieu",
    "convocation.date_envoi": "date d'envoi de la convocation",
    "convocation.envois": "envoi de la convocation à chaque membre",
    "convocation.canal": "mode d'envoi de la convocation",
    "convocation.note_explicative_synthese": "note explicative de synthèse",
    "convocation.note_explicative_suffisante": "suffisance de la note explicative de synthèse",
    "convocation.delai_abrege": "délai abrégé pour urgence",
    "convocation.urgence_prononcee": "vote du conseil sur l'urgence",
    "convocation.convoque_par": "auteur de la convocation",
    "convocation.ordre_du_jour": "ordre du jour",
    "convocation.mentionnee_au_registre": "mention de la convocation au registre",
    "convocation.date_affichage": "date d'affichage de la convocation",
    "convocation.urgence": "urgence",
    "deliberations.transmission": "transmission en préfecture",
    "deliberations.transmission.date_reception": "date de réception en préfecture",
    "deliberations.transmission.date_envoi": "date d'envoi en préfecture",
    "deliberations.signatures": "signatures",
    "deliberations.publicite": "publicité de l'acte",
    "deliberations.publicite.date_mise_en_ligne": "date de mise en ligne",
    "deliberations.publicite.date_affichage": "date d'affichage",
    "deliberations.inscrite_ordre_du_jour": "inscription à l'ordre du jour",
    "deliberations.presents": "présents au vote",
    "deliberations.representes": "représentés au vote",
    "deliberations.vote": "vote",
    "deliberations.vote.pour": "voix pour",
    "deliberations.vote.contre": "voix contre",
    "deliberations.vote.abstentions": "abstentions",
    "deliberations.vote.unanimite": "unanimité",
    "deliberations.vote.resultat": "résultat du vote",
    "deliberations.vote.mode": "mode de scrutin",
    "deliberations.vote.vote_du_president": "vote du président de séance",
    "deliberations.vote.voix_preponderante": "voix prépondérante du président",
    "deliberations.vote.secret_garanti": "secret du vote garanti",
    "deliberations.vote.vote_separe_demande": "demande de vote séparé",
    "deliberations.vote.objet_commun": "objet commun des délibérations votées ensemble",
    "deliberations.note_explicative_suffisante": "suffisance de la note de synthèse pour cette affaire",
    "deliberations.nomination": "nomination",
}
_INDEX = re.compile(r"\[[^\]]*\]")


def libelle(chemin: str) -> str:
    if chemin.startswith("droit incertain"):
        return chemin
    key = _INDEX.sub("", chemin)
    found = LIBELLES.get(key)
    if found:
        return found
    return key.replace(".", " › ").replace("_", " ")
