"""What in an act calls for documents — « not everything unknown is a request ».

An extract is silent on most of the procedure by nature (who convened, each member's convocation,
the note's content, how each proxy was written). A finding `indetermine` is therefore a request only
when something in the act points to a defect, or when a decisive fact is missing for a rule the act
itself makes sensitive:

- a `non_conforme` resting on a doubtful fact — a fact read below the confidence gate's threshold
  (`checker/confiance.py` then makes it `indetermine` with its `doute`), or contradicted by the
  record itself (a member giving and holding a proxy, no one present at a meeting that voted): the
  defect is to be confirmed, not charged (« never accuse on a misread »), and is worth a request
  only if, confirmed, it would call for a recours;
- a quorum that cannot be checked because the number present is not given at all, or cannot be
  (none, or fewer than the proxy holders, who must sit);
- proxies whose regularity is unknown and whose votes are enough to overturn the result;
- a convocation whose date is unknown or only asserted, for a meeting held in urgency or whose vote
  the absent members could have overturned (Danthony: the defect could then have influenced the vote);
- a count that does not add up by more than the vote's margin;
- for matters that make a rule sensitive (compte administratif, nominations, an interested
  councillor, a closed session), the rule's decisive fact missing.

Everything else that is unknown is listed once, grouped by theme, as « non vérifiable ».
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.findings import INDETERMINE, NON_CONFORME, Finding
from ruleset.values import Interval
from ruleset.messages import nombre

SERIOUS = ("inexistence", "illegalite", "illegalite_sauf_absence_de_prejudice")
CONVOCATION_DELAI = ("delai", "urgence", "envoi_la_veille_au_plus_tard", "delai_premiere_reunion")
# Rules that only bite on a matter the act itself shows (the rule is not applicable otherwise),
# so that their decisive fact missing is worth a request.
SENSIBLES = ("president_elu", "maire_hors_vote", "scrutin_secret_nominations", "election_en_trois_tours",
             "election_des_delegues_au_scrutin_secret", "delegues_membres_du_conseil", "conseiller_interesse",
             "huis_clos_vote", "huis_clos_demande", "representant", "reunion_a_distance", "visioconference",
             "scrutin_secret_a_la_demande_du_tiers", "seconde_convocation")
# The rules whose undecided finding, doubt aside, may call for documents (see `signal`).
SIGNALANTS = frozenset(("quorum", "neutralisation_des_pouvoirs_irreguliers") + CONVOCATION_DELAI + SENSIBLES)
PROXY_RULES = ("pouvoir_ecrit", "pouvoir_nominatif", "trois_seances_consecutives", "pouvoirs_par_mandataire",
               "deux_pouvoirs", "mandant_absent_mandataire_present", "neutralisation_des_pouvoirs_irreguliers")


@dataclass(frozen=True)
class Signal:
    regle: str
    motif: str          # one French clause: why the document is needed


def droit_non_encode(finding: Finding) -> bool:
    """Undecidable because the law of this body or date is not encoded: the service checks it by hand
    (every missing fact names it, `checker.findings.point_de_droit`, made once per set of missing
    facts for the findings of a batch rather than looked through again for each)."""
    return finding.point_de_droit == "droit_non_encode"


def droit_incertain(finding: Finding) -> bool:
    """Undecidable on a point of law, not of fact: no document settles it, the service weighs it
    (every missing fact is such a point, `checker.findings.point_de_droit`)."""
    return finding.point_de_droit == "droit_incertain"


_LOCAL_NAMES: dict = {}


def local_name(regle: str) -> str:
    name = _LOCAL_NAMES.get(regle)
    if name is None:
        name = regle.split(".", 1)[-1]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[regle] = name
    return name


def _pouvoirs(record) -> list:
    pouvoirs = record.root["seance"].get("pouvoirs")
    return [p for p in pouvoirs if isinstance(p, dict)] if isinstance(pouvoirs, list) else []


def pouvoirs_incoherents(record) -> str | None:
    """A member read as both giving and holding a proxy: the holder must sit, the giver be away,
    so the list as read contradicts itself (a line read both ways, a holder who left mid-session)."""
    pouvoirs = _pouvoirs(record)
    givers = {p.get("mandant") for p in pouvoirs if isinstance(p.get("mandant"), str)}
    both = sorted(n for n in (p.get("mandataire") for p in pouvoirs) if isinstance(n, str) and n in givers)
    if both:
        return f"les pouvoirs lus se contredisent : {', '.join(dict.fromkeys(both))} donne et reçoit un pouvoir"
    return None


def presents_incoherents(record, presents) -> str | None:
    """A number present that cannot be: none at all for a meeting that voted, or fewer than the
    distinct proxy holders, who must all be present to vote for another."""
    if type(presents) is not int:
        return None
    holders = {p.get("mandataire") for p in _pouvoirs(record) if isinstance(p.get("mandataire"), str)}
    if presents == 0:
        return "le dossier compte 0 membre présent pour une séance qui a délibéré"
    if presents < len(holders):
        return (f"le dossier compte {nombre(presents, '# présent|# présents')} pour {len(holders)} mandataires, "
                "qui doivent tous être présents")
    return None


def doute(record, finding: Finding) -> str | None:
    """Why a finding's facts are doubtful, or None when they passed their checks: the reason the
    confidence gate gave (`checker/confiance.py`: a fact read below its threshold), or a
    contradiction in the record itself."""
    reason = finding.doute
    if isinstance(reason, str) and reason:
        return reason
    name = local_name(finding.regle)
    if name in PROXY_RULES:
        why = pouvoirs_incoherents(record)
        if why:
            return why
    if name == "quorum":
        why = presents_incoherents(record, finding.valeurs.get("presents"))
        if why:
            return why
    return None


def _int(value):
    return value if type(value) is int else None


def _absents(seance) -> int | None:
    """Members en exercice neither present nor represented — those a proper convocation might have brought."""
    total, present, represented = (_int(seance.get(k)) for k in ("membres_en_exercice", "presents", "representes"))
    if total is None or present is None:
        return None
    return max(0, total - present - (represented or 0))


def vote_serre(record) -> str | None:
    """A vote the absent members could have overturned, described in French; None if there is none known."""
    seance = record.root["seance"]
    absents = _absents(seance)
    if not absents:
        return None
    for deliberation in record.root.get("deliberations") or ():
        vote = deliberation.get("vote") if isinstance(deliberation, dict) else None
        if not isinstance(vote, dict):
            continue
        pour, contre = _int(vote.get("pour")), _int(vote.get("contre"))
        if pour is None or contre is None or contre == 0:
            continue
        if abs(pour - contre) <= absents:
            numero = deliberation.get("numero")
            label = f"délibération {numero}" if isinstance(numero, str) else "une délibération"
            return (f"séance au vote serré ({label} : {pour} pour, {contre} contre, "
                    f"{nombre(absents, '# membre absent|# membres absents')})")
    return None


def seance_pressee(record) -> str | None:
    """Why the meeting reads as rushed or contested, or None."""
    convocation = record.root.get("convocation")
    if isinstance(convocation, dict) and convocation.get("urgence") is True:
        return "séance convoquée en urgence"
    return vote_serre(record)


def _proxies_can_overturn(finding: Finding) -> bool:
    values = finding.valeurs
    if values.get("unanime") is True:
        return False
    pour, contre, doubtful = _int(values.get("pour")), _int(values.get("contre")), _int(values.get("au_plus"))
    if pour is None or contre is None or doubtful is None:
        return False
    return doubtful > 0 and pour - contre <= doubtful


def signal(record, finding: Finding, pressee: str | None, decisive: bool = True) -> Signal | None:
    """The reason this finding calls for documents, or None when it is merely not checkable.

    `decisive`: whether the finding, were it confirmed, would call for a recours; a doubtful
    defect the judge would neutralise anyway is not worth a request."""
    name = local_name(finding.regle)
    if finding.statut == NON_CONFORME:
        if finding.gravite in SERIOUS and decisive:
            why = doute(record, finding)
            if why:
                return Signal(finding.regle, f"irrégularité à confirmer : {why}")
        if name == "decompte_des_voix":
            gap = _int(finding.valeurs.get("ecart"))
            margin = _margin(finding.valeurs)
            if gap and (margin is None or abs(gap) >= margin):
                return Signal(finding.regle, f"le décompte des voix ne correspond pas aux présents et représentés "
                                             f"(écart de {abs(gap)}), assez pour changer le résultat")
        return None
    if finding.statut != INDETERMINE or finding.gravite not in SERIOUS or droit_incertain(finding):
        return None
    if finding.doute:
        # Set aside by the confidence gate: worth a request only if, confirmed, it calls for a recours.
        return Signal(finding.regle, f"irrégularité à confirmer : {finding.doute}") if decisive else None
    if name == "quorum":
        presents = finding.valeurs.get("presents")
        if type(presents) is Interval:
            # Counted on a list of names the reader could not confirm (checker/reader/coherence.py):
            # indicated within a few names, as good as a number for deciding whether to ask.
            return None
        if type(presents) is not int:
            return Signal(finding.regle, "le nombre de membres présents n'est pas indiqué : le quorum ne peut être vérifié")
        why = presents_incoherents(record, presents)
        if why:
            return Signal(finding.regle, f"le nombre de présents ne tient pas : {why}")
        return None
    if name == "neutralisation_des_pouvoirs_irreguliers":
        if _proxies_can_overturn(finding):
            return Signal(finding.regle, f"les voix de {_nombre_de_pouvoirs(finding.valeurs.get('au_plus'))} dont la régularité "
                                         f"n'est pas établie suffisent à renverser le résultat "
                                         f"({finding.valeurs.get('pour')} pour, {finding.valeurs.get('contre')} contre)")
        return None
    if name in CONVOCATION_DELAI and pressee:
        how = "seulement affirmée" if finding.asserted_only else "inconnue"
        return Signal(finding.regle, f"date d'envoi de la convocation {how}, pour une {pressee}")
    if name in SENSIBLES:
        return Signal(finding.regle, f"l'objet de la délibération rend décisif un fait que l'extrait ne donne pas "
                                     f"({finding.titre.lower()})")
    return None


def _margin(values: dict) -> int | None:
    pour, contre = _int(values.get("pour")), _int(values.get("contre"))
    if values.get("unanime") is True and pour is not None:
        return pour
    if pour is None or contre is None:
        return None
    return abs(pour - contre)


def _nombre_de_pouvoirs(count) -> str:
    return nombre(count, "# pouvoir|# pouvoirs") if isinstance(count, int) else "pouvoirs"
