"""The documents a prefecture may ask a collectivité for, and which rules each one settles.

A rule is placed by its local name (the part after the article: `delai`, `quorum`, `pouvoir_ecrit`),
so that the same check under another article (L2121-11, L2121-12, L2541-2, L121-10) asks for the
same document. The same grouping lists, once per theme, what could not be checked.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    cle: str
    document: str      # the document, as the letter asks for it
    intitule: str      # the document in a few words, for the worklist and the short report
    theme: str         # the theme, as the report lists what was not checked
    court: str         # the theme in a word or two, for one-line summaries


PIECES = {p.cle: p for p in (
    Piece("convocation", "la convocation adressée aux membres, avec l'ordre du jour, et la preuve de son envoi "
          "(date et mode d'envoi, liste des destinataires)", "convocation et preuve de son envoi",
          "convocation (date, canal, ordre du jour)", "convocation"),
    Piece("note_synthese", "la note explicative de synthèse jointe à la convocation", "note de synthèse",
          "note explicative de synthèse", "note de synthèse"),
    Piece("registre_presence", "la feuille de présence (émargement) de la séance et le nombre de membres en exercice",
          "feuille de présence", "présences et quorum", "quorum"),
    Piece("pouvoirs", "les pouvoirs écrits remis au président de séance", "pouvoirs écrits",
          "pouvoirs (procurations)", "pouvoirs"),
    Piece("proces_verbal", "le procès-verbal de la séance détaillant le déroulement et le vote de chaque question",
          "procès-verbal de la séance", "déroulement de la séance et votes", "séance et votes"),
    Piece("publication", "le certificat de publication (mise en ligne ou affichage) de l'acte",
          "certificat de publication", "publicité et caractère exécutoire", "publicité"),
    Piece("registre", "l'extrait du registre des délibérations signé", "extrait du registre signé",
          "registre et signatures", "registre"),
    Piece("intercommunalite", "les délibérations concordantes des autres membres et l'arrêté qui s'ensuit",
          "délibérations concordantes", "procédure intercommunale", "intercommunalité"),
    Piece("prefecture", "", "", "transmission et délai du déféré (données @CTES de la préfecture)", "transmission"),
    Piece("droit_incertain", "", "", "point de droit incertain, à apprécier par le service", "droit incertain"),
    Piece("droit_non_encode", "", "", "droit de cet organe ou de cette date non encodé, à contrôler à la main",
          "droit non encodé"),
)}

_BY_NAME = {
    "convocation": ("delai", "urgence", "envoi_la_veille_au_plus_tard", "canal", "tous_convoques", "convoque_par",
                    "ordre_du_jour", "inscrite_ordre_du_jour", "delai_premiere_reunion", "seconde_convocation",
                    "affichage", "mention_registre"),
    "note_synthese": ("note_synthese", "note_synthese_suffisante"),
    "registre_presence": ("quorum", "decompte_des_voix", "effectif", "mandant_absent_mandataire_present",
                          "reputee_complete"),
    "pouvoirs": ("pouvoir_ecrit", "pouvoir_nominatif", "trois_seances_consecutives", "pouvoirs_par_mandataire",
                 "deux_pouvoirs", "neutralisation_des_pouvoirs_irreguliers"),
    "publication": ("caractere_executoire", "duree_mise_en_ligne", "liste_deliberations", "compte_rendu",
                    "proces_verbal_publie"),
    "registre": ("signatures", "existence"),
    "intercommunalite": ("majorite_qualifiee", "delai_avis", "effet_transfert", "effet_extension", "effet_retrait",
                         "effet_adhesion", "majorite_deux_tiers"),
    "prefecture": ("transmission", "delai_defere", "prorogation"),
}
_PIECE_OF = {name: cle for cle, names in _BY_NAME.items() for name in names}


def piece_for(regle: str) -> Piece:
    """The document that settles a rule; the procès-verbal for what happens in the meeting itself."""
    local = regle.split(".", 1)[-1]
    return PIECES[_PIECE_OF.get(local, "proces_verbal")]
