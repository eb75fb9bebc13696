"""The deliberating body: its name and its legal nature.

The nature follows from the assembly that meets (« le conseil municipal » for a commune, « le
conseil communautaire » of a « communauté de communes » or « d'agglomération », « le comité
syndical » of a syndicate) as named at the head of the document. The name is read after
« commune de », « ville de », « conseil municipal de », « communauté de communes … ».
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from checker.reader import lexique
from checker.reader.dates import find_dates
from checker.reader.normalize import Document, fold

_HEAD = 2500
_ASSEMBLY = re.compile(r"\b(?:conseil (?:de )?municipal|conseil communautaire|conseil de (?:la )?communaute|"
                       r"comite syndical|conseil syndical|conseil metropolitain|conseil de (?:la )?metropole)\b")
_EPCI_KIND = [
    ("communaute_de_communes", r"communaute de communes"),
    ("communaute_d_agglomeration", r"communaute d'agglomeration"),
    ("communaute_urbaine", r"communaute urbaine"),
    ("metropole", r"\bmetropole\b"),
]
_SYNDICATE_KIND = [
    ("syndicat_mixte_ouvert", r"syndicat mixte ouvert"),
    ("syndicat_mixte_ferme", r"syndicat mixte ferme"),
    ("syndicat_de_communes", r"syndicat intercommunal|sivom|sivu|syndicat de communes"),
]

# « Le Coudray saint-Germer »: a saint's name written in lower case is still a word of the name.
_NAME_WORD = r"(?:[A-ZÀ-Þ][\wÀ-ÿ'’-]*|d'[A-ZÀ-Þ][\wÀ-ÿ'-]*|l'[A-ZÀ-Þ][\wÀ-ÿ'-]*|(?:saint|sainte)-[A-ZÀ-Þ][\wÀ-ÿ'’-]*)"
# « … de la Loire », « … et du Plateau »: small words between the capitalised words of a name.
# « de la Région d Arcachon », « de l Ain »: an apostrophe lost by extraction before a capital.
_LINK = (r"(?:-(?:le|la|les|de|du|des|en|sur|sous|lès|aux|d'|l')-|-(?:d'|l')|-| - | (?:et )?de l['’ ](?=[A-ZÀ-Þ])"
         r"| et d'(?=[A-ZÀ-Þ])| d (?=[A-ZÀ-Þ][a-zà-ÿ])"
         r"| (?:de la|et de|et du|et des|et la|et le|et les) | (?:de|du|des|la|le|les|sur|en"
         r"|et|sous|lès|aux) | (?=[A-ZÀ-Þ])| (?=[dl]'[A-ZÀ-Þ])| (?=(?:saint|sainte)-[A-ZÀ-Þ])| ?- ?)")
_NAME = rf"(?P<name>{_NAME_WORD}(?:{_LINK}{_NAME_WORD}){{0,11}})"
_STOP_WORDS = {"seance", "conseil", "extrait", "registre", "deliberation", "deliberations", "proces", "date",
               "objet", "republique", "departement", "canton", "arrondissement", "session",
               "liste", "direction", "service", "mairie", "envoye", "recu", "publie", "id", "compte", "pv",
               "nombre", "l'an", "reunion", "membres", "me", "cedex", "dans", "convocation", "ordre",
               "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "commune", "ville",
               "communautaire", "municipal", "syndical", "metropolitain", "comite",
               "bureau", "assemblee",
               # An address after the name in a letterhead (« … DU PETIT ROSNE Rue de l'Eau … »).
               "rue", "avenue", "boulevard", "bd", "route", "chemin", "impasse", "quai", "bp", "cs", "tel",
               "telephone", "courriel", "email", "mail", "www", "siret", "siren", "siege",
               # The heading's other lines (« COMMUNE DE X AFFICHÉ LE … », « … Liberté Égalité
               # Fraternité », « … Le Maire », « … Accusé de réception »).
               "affiche", "affichee", "affichage", "accuse", "liberte", "egalite", "fraternite", "maire",
               "hotel", "code", "annexe", "budget", "vu", "presents", "presentes", "decision", "arrete",
               "rapport", "prefecture", "sous-prefecture", "publication", "certifie", "certifiee",
               "approbation", "conseillers", "secretaire", "questions", "affaire", "dossier",
               "transmis", "transmise", "teletransmis", "teletransmise", "acte", "actes", "recueil",
               "commission", "voeu", "motion", "delegation", "rapporteur",
               # The attendance's first line run into a heading whose line break was lost
               # (« Syndicat mixte du Pays de Gex Représentant la commune de Cessy : … »).
               "representant", "representants", "representante", "representantes", "delegue", "delegues",
               "deleguee", "deleguees", "titulaire", "titulaires", "suppleant", "suppleants", "suppleante",
               "suppleantes", "etaient", "etait", "absent", "absents", "absente", "absentes", "excuse", "excuses",
               "excusee", "excusees", "pouvoir", "pouvoirs", "procuration", "procurations", "monsieur", "madame",
               "messieurs", "mesdames", "mme", "mmes", "president", "presidente", "vice-president", "vice-presidente"}
# Words that end a name when a space (not a hyphen) comes before them: in a text set in capitals
# (« SAINT JEAN DE VEDAS AU LIEU HABITUEL ») every word looks like part of the name.
_SPACED_STOP_WORDS = {"a", "lieu", "siege", "salle", "hotel", "legalement", "regulierement", "dument", "s'est",
                      "reuni", "reunie", "convoque", "convoquee", "dont", "qui", "par", "pour", "avec", "apres",
                      "rapporteur", "president", "presidente"}

# « d' » whose apostrophe extraction lost (« VILLE D ESSEY-LES-NANCY »): the reference data then
# says whether a commune of that name exists.
_OF = r"d(?:e |u |es |'| (?=[aeiouyh]))"
_COMMUNE_PREFIXES = [
    (0.9, re.compile(rf"\bconseil (?:de )?municipal de (?:la )?(?:commune|ville) {_OF}")),
    (0.9, re.compile(rf"\bconseil (?:de )?municipal {_OF}")),
    (0.85, re.compile(rf"\b(?:commune(?: nouvelle)?|ville|mairie) {_OF}")),
    (0.7, re.compile(r"\bcommune (?!d(?:e|u|es|')\b)")),
    (0.6, re.compile(r"\bmaire d(?:e |u |es |')")),
]
# A syndicate's initials, also written with dots (« S.I.V.O.M. du Pays de Gex »).
_INITIALS = ("sivom", "sivu", "sivos", "siaep", "sieau", "smictom", "sictom", "sirtom", "smirtom", "sirp", "smeaa", "sdis",
             "sde", "petr")


def _dotted(initials: str) -> str:
    return r"\.".join(initials) + r"\.?"


_INITIALS_RE = "|".join([*_INITIALS, *(_dotted(i) for i in _INITIALS if len(i) >= 3)])
_EPCI_PREFIX = re.compile(
    r"\b(?P<kind>communaute de communes|communaute d'agglomeration|communaute urbaine|syndicat mixte"
    r"(?: ouvert| ferme)?|syndicat intercommunal(?: a vocation (?:unique|multiple|scolaire))?|(?:euro)?metropole"
    r"|syndicat departemental|syndicat(?= d'| des | du | de )|etablissement public territorial"
    r"|pole d'equilibre territorial et rural|pole metropolitain"
    rf"|(?:{_INITIALS_RE})(?![\w.]))"
    # « Syndicat intercommunal à vocation unique (SIVU) du Pays de Gex »: its initials in brackets.
    r"(?: ?\((?:[a-z]\.?){2,9}\))?"
    r" ?(?:d(?:u |e la |es |e |')|pour (?:la |le |les |l')?)?")
_NAME_RE = re.compile(_NAME)
# « Grenoble-Alpes Métropole », « GRENOBLE-ALPES MÉTROPOLE » in a letterhead in capitals.
_CITY_METROPOLE = re.compile(r"\b(?<!de )(?<!la )(?<!DE )(?<!LA )[A-ZÀ-Þ][\wÀ-ÿ'-]{2,}(?: [A-ZÀ-Þ][\wÀ-ÿ'-]{2,}){0,2}"
                             r" (?:M[ée]tropole|M[ÉE]TROPOLE)\b")
_DESCRIBED = re.compile(r"(?: (?:d'|de l'|de la |des |du |de |a |à |pour (?:la |le |l'|les )?)?[a-zà-ÿ]{2,}){1,4}"
                        r"(?: \((?:[A-Z]\.?){2,9}\))? (?:de la |de l'|du |des |de |d')")
# « Syndicat mixte de Collecte et de Traitement des Ordures Ménagères (SMICTOM) du Val de Loire »: the
# initials in brackets, then the place that names it.
_INITIALS_THEN_PLACE = re.compile(r" ?\((?:[A-Z]\.?){2,9}\) (?i:du |de la |de l'|des |de |d')(?=[A-ZÀ-Þ])")


# « SAINT JEAN DE VEDAS AU LIEU HABITUEL »: cut before LIEU, the « AU » left over is no part of the
# name, while « LONGNY AU PERCHE » keeps it.
_TRAILING_LINK = re.compile(r"(?:[ -](?:de|du|des|la|le|les|sur|en|et|sous|au|aux|d'|l'))+[ -']*$", re.IGNORECASE)


def _clean(name: str) -> str | None:
    cut = 0
    for word in re.finditer(r"[^ -]+", name):
        low = fold(word.group(0)).strip("'")
        if low in _STOP_WORDS or any(c.isdigit() or c == "°" for c in low):
            break
        if cut and name[word.start() - 1] == " " and low in _SPACED_STOP_WORDS and word.group(0).isupper():
            break
        cut = word.end()
    result = _TRAILING_LINK.sub("", name[:cut]).strip(" -'")
    if len(result) < 2 or fold(result) in _STOP_WORDS or fold(result) in _FUNCTION_WORDS:
        return None
    return result


# « COMMUNAUTE DE COMMUNES Le Conseil communautaire … »: an article left alone is no name.
_FUNCTION_WORDS = {"le", "la", "les", "l'", "un", "une", "du", "de", "des", "au", "aux", "et", "en", "a", "d'"}
# « Communauté de communes Chinon, Vienne et Loire »: a name listing places runs on past its commas.
_LISTED_PLACES = re.compile(r"(?:, [A-ZÀ-Þ][\wÀ-ÿ'-]+){1,3} et [A-ZÀ-Þ][\wÀ-ÿ'-]+")
# « Communauté de communes du pays de Lunel »: a name may begin with a common noun in lower case.
_LOWER_HEAD_NOUN = re.compile(r"(?:pays|val|vallee|vallees|bassin|plateau|coeur|portes|terres|rives|monts|haut"
                              r"|haute|grand|grande|cotes?|plaine|marais|canton|secteur|region|territoire) (?:de |du |des |d')?")


_KIND_AFTER_NAME = re.compile(r" (?:agglom[ée]ration|agglo|communaut[ée]|m[ée]tropole)\b(?![ -][A-ZÀ-Þa-zà-ÿ])", re.IGNORECASE)
_QUOTED_NAME = re.compile(r" ?[«“\"] ?(?P<name>[^»”\"\n]{3,60}?) ?[»”\"]")
_SMALL = r"(?:et|pour|de|du|des|la|le|les|en|sur|aux|au|ET|POUR|DE|DU|DES|LA|LE|LES|EN|SUR|AUX|AU)"
# « Syndicat de l'Entre-deux-Mers Ouest pour la Collecte et le Traitement … », « … des Ordures Ménagères et
# déchets assimilés des Pyrénées-Orientales », « … Le Coudray saint-Germer La Landelle »: small words or
# lower-case words after the name, then a capital again — the name goes on past where it was cut.
_CUT_SHORT = re.compile(rf" (?:{_SMALL} |[dlDL]['’])+(?:[a-zà-ÿ]+ (?:{_SMALL} |[dl]['’])*){{0,2}}"
                        r"(?P<next>[A-ZÀ-Þ][\wÀ-ÿ'’-]*)| (?:saint|sainte|st|ste)-[A-ZÀ-Þ]")


def _cut_short(text: str, end: int) -> bool:
    """Whether the name ending at `end` goes on in words the name reader does not follow: a name cut
    short is a wrong name, worse than none. A heading word after it (« … X Le Conseil communautaire »,
    « … de la Commune ») ends it."""
    m = _CUT_SHORT.match(text, end)
    if m is None:
        return False
    following = m.group("next")
    return following is None or fold(following).strip("'’") not in _HEADING_WORDS


def _gone_on(text: str, end: int) -> int | None:
    """Where a name cut short at `end` ends once the words it goes on in are read (« Syndicat intercommunal de
    Voirie du canton de Lombers », « … des Ordures Ménagères et déchets assimilés des Pyrénées-Orientales »), when
    it then ends cleanly; None when it does not."""
    for _ in range(3):
        m = _CUT_SHORT.match(text, end)
        if m is None or m.group("next") is None:
            return None
        following = _NAME_RE.match(text, m.start("next"))
        name = _clean(following.group("name")) if following else None
        restated = _RESTATED.search(" " + name) if name else None
        if not name or restated:
            return None
        end = m.start("next") + len(name)
        if not _cut_short(text, end):
            return end
    return None


# A name read past the words the name reader does not follow: less sure of where it ends.
_GONE_ON_CONFIDENCE = 0.7
# « Syndicat mixte des Rivières du Vexin bocager, légalement convoqué », « … des Landes de Gascogne océane. »: one
# lower-case word ends the name before a comma, a full stop or the next heading's capital. Not a verb or its
# participle (« … de X réuni le », « … de X convoquée, »), nor a word of the formula that follows.
_LOWER_TAIL = re.compile(r" (?P<word>[a-zà-ÿ]{4,})(?=[,.;:)]| [A-ZÀ-Þ]| ?$)")
_NOT_A_TAIL = re.compile(r"(?:ée?s?|ie?s?|ant|ent|ont|ait|era)$")


def _lower_tail(text: str, end: int) -> int | None:
    """The end of the name when one lower-case word of it follows the capitalised ones."""
    m = _LOWER_TAIL.match(text, end)
    if m is None:
        return None
    word = fold(m.group("word"))
    if word in _SPACED_STOP_WORDS or word in _STOP_WORDS or word in _FUNCTION_WORDS or _NOT_A_TAIL.search(m.group("word")):
        return None
    return m.end()


# The words that open what follows a name in a heading (« … X Le Conseil communautaire », « … de la Commune »,
# « … Le Maire »); « du Département de l'Ain » goes on with the name.
_HEADING_WORDS = {"seance", "conseil", "extrait", "registre", "deliberation", "deliberations", "proces", "date", "objet",
                  "session", "compte", "reunion", "membres", "convocation", "ordre", "commune", "ville", "mairie",
                  "comite", "bureau", "assemblee", "maire", "president", "presidente", "liste", "affiche", "rue",
                  "avenue", "route", "hotel", "siege", "salle", "accuse", "republique", "liberte"}


# « SYNDICAT INTERCOMMUNAL D'ALIMENTATION EN EAU POTABLE DE X SIAEP de X Réunion du … »: the line break lost after a
# heading, the syndicate's initials open a second naming of the same body, no word of its name.
_RESTATED = re.compile(rf"(?<= )(?:{'|'.join(i.upper() for i in _INITIALS)})(?![\wÀ-ÿ.'-])")


def _epci_name(text: str, pos: int) -> tuple[str, int] | None:
    """The name of an EPCI or syndicate written at `pos`, and its end."""
    quoted = _QUOTED_NAME.match(text, pos)
    if quoted:
        # « SIVOM « SOLOGNE BOURBONNAISE » », « COMMUNAUTÉ DE COMMUNES “DES TROIS RIVIÈRES” »: the name in quotes.
        inner = quoted.group("name").strip()
        article = re.match(r"(?i:des|du|de la|de l'|de|d') ?", inner)
        return (inner, quoted.end()) if _NAME_RE.fullmatch(inner[article.end():] if article else inner) else None
    start = pos
    lead = _LOWER_HEAD_NOUN.match(fold(text[pos:pos + 20]))
    if lead and not text[pos:pos + 1].isupper():
        pos += lead.end()
    found = _NAME_RE.match(text, pos)
    name = _clean(found.group("name")) if found else None
    restated = _RESTATED.search(name) if name else None
    if restated:
        name = _clean(name[:restated.start()])
    if not name:
        return None
    end = pos + len(name)
    kind_word = _KIND_AFTER_NAME.match(text, end) if name == found.group("name") else None
    if kind_word:
        # « Communauté d'agglomération de Rodez agglomération », « … Grand Besançon métropole »: the kind's
        # word in lower case ends the name the data knows, it does not cut it.
        return text[start:kind_word.end()], kind_word.end()
    listed = _LISTED_PLACES.match(text, end) if name == found.group("name") else None
    if listed:
        end = listed.end()
    placed = _INITIALS_THEN_PLACE.match(text, end) if name == found.group("name") else None
    if placed:
        place = _NAME_RE.match(text, placed.end())
        place_name = _clean(place.group("name")) if place else None
        if place_name:
            end = placed.end() + len(place_name)
    quoted = re.match(r" ?« ?([^»]{3,60}?) ?»", text[end:end + 70]) if name == found.group("name") else None
    if quoted:
        # « SYNDICAT MIXTE DU CONSERVATOIRE « Ardèche Musique et Danse » »: the quoted words are
        # part of the name.
        return f"{text[start:end]} {quoted.group(1)}", end + quoted.end()
    return text[start:end], end


# Bodies named outright (« SYNDICAT INTERCOMMUNAL DES EAUX … », « Communauté de communes … »), in
# the order a heading gives them; the first one named that is not a member's delegate line
# (« Commune de X : Monsieur Y ») is the body that met.
_BODIES = [
    ("syndicat_mixte_ouvert", r"syndicat mixte ouvert"),
    ("syndicat_mixte_ferme", r"syndicat mixte ferme"),
    # A syndicat mixte whose heading does not say open or closed, and the bodies the code submits to
    # the rules of syndicats mixtes: PETR (L5741-1) and pôles métropolitains (L5731-1). Which of
    # the two it is comes from the rest of the text (`_mixed`).
    ("syndicat_mixte", r"syndicat mixte\b|\bsm(?:ictom|itom|ictrom|irtom|etom|eaa)\b|pole metropolitain"
                       r"|pole d'equilibre territorial|\bpetr\b"),
    ("autre", r"etablissement public territorial"),
    # Initials of syndicates of communes: à vocation multiple, unique, scolaire; d'adduction d'eau
    # potable, des eaux, de collecte des ordures, de regroupement pédagogique, d'aménagement hydraulique.
    ("syndicat_de_communes", r"syndicat intercommunal|syndicat de communes|\b(?:sivom|sivu|sivos|siaep|sieau|sictom|sirtom"
                             r"|sirp|siah)\b|\b(?:s\.i\.v\.o\.m|s\.i\.v\.u|s\.i\.v\.o\.s|s\.i\.a\.e\.p|s\.i\.c\.t\.o\.m)\b"
                             r"|syndicat (?:departemental|d'energies?|des eaux|d'eau|d'electricite)"),
    ("communaute_de_communes", r"communaute de communes"),
    ("communaute_d_agglomeration", r"communaute d'agglomeration"),
    ("communaute_urbaine", r"communaute urbaine"),
    ("metropole", r"\b(?:euro)?metropole\b"),
]
_BODY_RE = re.compile("|".join(f"(?P<{kind if kind != 'autre' else 'autre_'}{i}>{pattern})"
                               for i, (kind, pattern) in enumerate(_BODIES)))
# The assembly that sat, when no body is named: a comité syndical is a syndicate's, a conseil
# communautaire an EPCI's with its own taxation, a conseil municipal a commune's.
_ASSEMBLIES = [
    ("syndicat", re.compile(r"\b(?:comite|conseil|bureau) syndical\b|\bcomite (?:du|de ce) syndicat\b")),
    # « les conseillers communautaires de X Communauté se sont réunis », « réunion de l'assemblée communautaire »
    ("epci_a_fiscalite_propre", re.compile(r"\b(?:conseil|bureau|assemblee) (?:de )?communautaire\b|conseil de (?:la )?communaute\b"
                                           r"|\bconseillers communautaires (?:de |d'|du )?[^.;,]{0,60}(?:se sont|s'est) reunis\b")),
    ("metropole", re.compile(r"\bconseil (?:de (?:la )?)?metropol")),
    ("commune", re.compile(r"\bconseil (?:de )?municipal\b|\bconseils? municipa")),
]


_CIVILITY = r"(?:m|mm|mme|mmes|mr|monsieur|madame|messieurs|mesdames)\.?(?= )"
_DELEGATE_LINE = re.compile(rf"^[^:.;,]{{0,60}}(?:: ?|, ){_CIVILITY}")
# « Pour la commune de X : Jean DUPONT »: a member's delegates, with or without civility.
_MEMBER_LINE = re.compile(rf"\bcommune d(?:e |u |es |')[^:.;,]{{0,60}}(?:: ?|, ){_CIVILITY}"
                          r"|\bpour la commune d(?:e |u |es |'|’)[^:.;,]{0,60}: ?")
# Where the heading and the opening formula give way to the attendance.
# When extraction lost the roll's colon (« Présents Jean-Pierre JEANROY, … »), the agenda or the first decision
# still says the heading is over: a commune named after them (« la DSU de la commune d'Héricourt ») is a
# commune the council deals with, read only if the text names it twice or its heading does.
_BODY_START = re.compile(r"\b(?:etaient presents|presents ?:|etaient absents|absents? ?:|secretaire de seance"
                         r"|excuses? ?:|ordre du jour|apres en avoir delibere)")


def _member_lines(head: str) -> int:
    return sum(1 for _ in _MEMBER_LINE.finditer(head))


# « une convention avec la commune de X », « auprès de la commune de X », « la commune voisine de X »: a commune the
# council deals with, not the council's own. (« entre la communauté et la commune d'Arthun », « l'adhésion de la commune
# de X » may name the council's own commune, a party to its own convention.)
_PARTNER = re.compile(r"\b(?:avec|aupres|voisines?|limitrophes?)\b[^.;:]{0,30}$")


def _partner(folded: str, start: int) -> bool:
    return bool(_PARTNER.search(folded, max(0, start - 45), start))


_MEETING_PLACE = re.compile(r"(?:\bhotel de |\b(?:a|en|dans) (?:la |l')?(?:salle [^,.;]{0,12})?)$")


def _commune_name(text: str, pos: int) -> str | None:
    """The commune's name written at `pos`: the longest run of words that names a commune of the
    reference data. A run that names none (an OCR slip, « Sainte-Geneviève-des-Boïis ») is no
    name to read: a wrong body name is worse than none. Without reference data, the words up to
    the first that cannot belong to a name."""
    found = _NAME_RE.match(text, pos)
    if not found:
        return None
    raw = found.group("name")
    if not lexique.available():
        return _clean(raw)
    ends = [w.end() for w in re.finditer(r"[^ ]+", raw)]
    for end in reversed(ends):
        candidate = _TRAILING_LINK.sub("", raw[:end]).strip(" -'")
        if len(candidate) < 2 or fold(candidate) in _FUNCTION_WORDS:
            continue
        if lexique.is_commune(candidate):
            # « COMMUNE DE ST MARC LA LANDE »: the saint's abbreviation written out, as the commune is named.
            full = _SAINT_ABBREVIATION.sub(lambda a: "Sainte" if a.group(0).lower() == "ste" else "Saint", candidate)
            return full if full != candidate and lexique.is_commune(full) else candidate
        # « Champigny-surMarne »: a hyphen lost at a line's end, put back where a lower-case letter
        # runs into a capital, and kept only if the reference data then knows the name.
        repaired = _GLUED.sub("-", candidate)
        if repaired != candidate and lexique.is_commune(repaired):
            return repaired
    return None


_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_SAINT_ABBREVIATION = re.compile(r"(?<![\wÀ-ÿ])(?:St|ST|Ste|STE)(?=[ -])")


_ANOTHER_BODY = re.compile(r"\b(?:objet ?:|adhesion|adherer|adhere|retrait|au sein|convention avec"
                           r"|(?:delegues?|representants?)(?: titulaires?| suppleants?)? (?:au|a la|aupres)"
                           r"|transfert|aupres|participation|cotisation|contribution)[^.;:]{0,30}$")


def _known_epci(kind: str, name: str) -> str | None:
    """The longest run of the name's words that, with its kind, names an EPCI of the reference
    data (« Communauté de communes PEVELE CAREMBAULT Accusé … » is « … PEVELE CAREMBAULT »)."""
    if not lexique.available():
        return None
    for word in reversed(list(re.finditer(r"[^ ]+", name))):
        candidate = _TRAILING_LINK.sub("", name[:word.end()]).strip(" -'")
        if candidate and lexique.is_epci(kind + candidate):
            return candidate
    return None


_COMMUNE_OF = re.compile(r"\b(?:commune|ville|mairie) d(?:e |u |es |')$")
_INSIDE_ANOTHER_NAME = re.compile(r"\b(?:pays|communaute|agglomeration|agglo|syndicat|canton|arrondissement|sivom"
                                  r"|sivu|metropole|bassin|val|vallee|plateau)\b[^.;,:]{0,30}$")


def _supported(folded: str, name: str, body_start: int, commune: bool = False) -> bool:
    """The name is given twice, or its beginning stands in the heading (« Sainte-Luce EXTRAIT DU
    REGISTRE … » above « Ville de Sainte-Luce-sur-Loire »)."""
    # « la commune d'Héricourt » once and « la Communauté de communes du Pays d'Héricourt »: the
    # community's name does not name the commune again.
    alone = [m for m in re.finditer(re.escape(name), folded)
             if not commune or not _partner(folded, m.start()) and (
                 _COMMUNE_OF.search(folded, max(0, m.start() - 12), m.start())
                 or not _INSIDE_ANOTHER_NAME.search(folded, max(0, m.start() - 45), m.start()))]
    if len(alone) >= 2:
        return True
    heading = folded[:body_start]
    # « Arrondissement de Chartres » in a letterhead names a place, not the body.
    return any(not _NOT_THE_TOWN.search(heading[max(0, m.start() - 30):m.start()])
               for m in re.finditer(re.escape(name[:10]), heading))


def _body_start(head: str) -> int:
    m = _BODY_START.search(head)
    return m.start() if m else len(head)


# « Vu la délibération n° 2019-12 du comité syndical », « l'avis du conseil communautaire »: an act of
# another assembly cited, not the assembly that sits.
# The register's own title (« Extrait du registre des délibérations du conseil communautaire ») is not.
_CITED_ACT = re.compile(r"\b(?<!registre des )(?<!extrait des )(?<!liste des )(?<!verbal des )(?<!verbaux des )"
                        r"(?:deliberations?|decisions?|avis|arretes?)"
                        r"\b[^,.;:]{0,30}\bd(?:u|e la|e l'|es) ?$")
_MET = re.compile(r"[^.;]{0,160}?\b(?:s'est|se sont|s'etait|est) (?:reunie?s?|assemblee?s?)\b")
_CATEGORY = {"syndicat": ("syndicat", "autre"), "epci_a_fiscalite_propre": ("communaute", "metropole"),
             "metropole": ("metropole",), "commune": ()}


_COMPLEMENT = re.compile(r"\b(?:par|des|aux) (?:les |le |la )?$")
_NAMED_HEAD = 300


def _named_at_head(head: str, before: int) -> str | None:
    """The category of a syndicate or community named in the heading, before any assembly, when no
    member's delegate line or subject (« Objet : adhésion au … ») names it."""
    for m in _BODY_RE.finditer(head, 0, min(before, _NAMED_HEAD)):
        if _DELEGATE_LINE.match(head, m.end()) or re.search(r"(?:objet|adhesion|au sein|membre) ?:?[^.]{0,30}$",
                                                            head[max(0, m.start() - 40):m.start()]):
            continue
        kind = _BODIES[int(re.sub(r"\D", "", m.lastgroup))][0]
        return "syndicat" if kind.startswith("syndicat") else "epci_a_fiscalite_propre" if kind.startswith(
            "communaute") else "metropole" if kind == "metropole" else None
    return None


def _nature(head: str, text: str = "") -> tuple[str | None, float | None]:
    """The body's nature and, when it is read by default, its confidence: the assembly that met
    (« le comité syndical … s'est réuni »), else the first assembly named, made precise by the body
    named in the heading. `text` is the whole folded text, where a syndicat mixte says which it is."""
    text = text or head
    assemblies = sorted((m.start(), kind, m.end()) for kind, regex in _ASSEMBLIES for m in regex.finditer(head)
                        if not _CITED_ACT.search(head, max(0, m.start() - 50), m.start()))
    # « les membres du Comité du Syndicat …, désignés par les Conseils Municipaux des communes …, se sont
    # réunis »: an assembly named as a complement (by whom, of whom) is not the one that met.
    met = next((kind for start, kind, end in assemblies if _MET.match(head, end)
                and not _COMPLEMENT.search(head, max(0, start - 12), start)), None)
    category = met or (assemblies[0][1] if assemblies else None)
    if category == "commune" and met is None:
        named = _named_at_head(head, assemblies[0][0])
        if named is not None:
            # « SYNDICAT INTERCOMMUNAL DES EAUX … COMPTE RENDU DE LA RÉUNION … », and a « conseil municipal »
            # only in passing further on: the body the heading names is the one that met.
            category = named
    if category == "commune":
        return "commune", None
    wanted = _CATEGORY.get(category)
    for m in _BODY_RE.finditer(head):
        if _DELEGATE_LINE.match(head, m.end()) or re.search(r"(?:objet|adhesion|au sein|membre) ?:?[^.]{0,30}$",
                                                            head[max(0, m.start() - 40):m.start()]):
            continue
        kind = _BODIES[int(re.sub(r"\D", "", m.lastgroup))][0]
        if wanted is None or kind.startswith(wanted):
            if kind == "syndicat_mixte":
                # A PETR follows the rules of closed syndicats mixtes whatever its members (L5741-1).
                return ("syndicat_mixte_ferme", None) if "petr" in m.group(0) or "equilibre" in m.group(0) \
                    else _mixed(text)
            return kind, None
    if category == "syndicat":
        return _unnamed_syndicate(text)
    return category, None


# A syndicat mixte is open (L5721-2) when a département, a région or a chambre consulaire is a member:
# its delegates sit (« Délégués du Département », « Conseil départemental : M. X »), or the text
# cites the articles of open syndicates. The « Département de X » of a letterhead says nothing.
_OPEN = re.compile(
    rf"\bsyndicat mixte ouvert\b|\bl\.? ?5721-\d|\b(?:delegues?|representants?|elus?|conseillers?)(?: titulaires?"
    rf"| suppleants?)? (?:du |de la )(?:departement|region|conseil departemental|conseil regional|chambre)\b"
    rf"|\b(?:departement|region|conseil departemental|conseil regional|chambre (?:de commerce|d'agriculture"
    rf"|des? metiers)[^:;,.]{{0,40}})(?: d(?:e |u |es |')[^:;,.]{{0,30}})? ?: ?{_CIVILITY}")
# Closed (L5711-1): only communes and EPCI; a PETR and a pôle métropolitain follow its rules
# (L5741-1, L5731-1).
_CLOSED = re.compile(r"\bsyndicat mixte ferme\b|\bl\.? ?57(?:11|31|41)-\d")
# Below confiance.SEUIL: a nature read by default never founds an accusation.
_DEFAULT_NATURE_CONFIDENCE = 0.6


# No assembly named (a report annexed to an act, a page of a bulletin): a text that speaks of its
# author as « le Syndicat » (« les orientations … du Syndicat », « le Syndicat est aujourd'hui … »),
# and of no commune or community so, is a syndicate's, read with doubt.
_SELF_SYNDICATE = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u) Syndicat\b(?! (?:mixte|intercommunal|de |des |du |d'))")
_SELF_OTHER = re.compile(r"\b(?:[Ll]a|[Dd]e la|[Àà] la) (?:Commune|Ville|Communauté|Métropole)\b|\b[Cc]onseil municipal\b")


# « Monsieur le Maire », « le maire expose », a mayor or deputies in the roll (« M. X, Maire, Mme Y,
# adjointe au maire »), « conseillers municipaux »: a commune's council.
_MAYOR = re.compile(r"\b(?:monsieur|madame|m\.|mme) (?:le |la )?maire\b|\ble maire (?:expose|propose|rappelle|informe)"
                    r"|, maire\b|\badjointe?s? au maire\b|\bmaire-adjointe?s?\b|\bconseill(?:er|ere)s? municipa")
_INTERCOMMUNAL = re.compile(r"\b(?:communaute|syndica|metropol|intercommunal|sivom|sivu|petr\b|pole |comite|delegues?\b"
                            r"|president|presidente)")


def _speaks_as_a_syndicate(text: str) -> bool:
    return len(_SELF_SYNDICATE.findall(text)) >= 2 and _SELF_OTHER.search(text) is None


def _mixed(text: str) -> tuple[str, float | None]:
    """Open or closed: said by the text, else closed by default, the common case, read with doubt
    (an open syndicate is governed by its statutes, cgct.md §7.1)."""
    open_, closed = _OPEN.search(text), _CLOSED.search(text)
    if open_ and not closed:
        return "syndicat_mixte_ouvert", None
    if closed and not open_:
        return "syndicat_mixte_ferme", None
    # Nothing said, or the text says both (a member's delegates, an article cited about another
    # body): read with doubt.
    return ("syndicat_mixte_ouvert" if open_ else "syndicat_mixte_ferme"), _DEFAULT_NATURE_CONFIDENCE


def _unnamed_syndicate(text: str) -> tuple[str, float | None]:
    """A comité syndical met, and no syndicate is named: a syndicat de communes or a syndicat mixte,
    whose meetings follow the same rules unless it is open (L5711-1, cgct.md §7.1)."""
    if _OPEN.search(text) or _CLOSED.search(text):
        return _mixed(text)
    return "syndicat_de_communes", _DEFAULT_NATURE_CONFIDENCE


def read_body(doc: Document, meeting: dt.date | None = None) -> dict:
    """`nom` (value, source, confidence) and `nature` when they can be read; `meeting`, the meeting's date
    when it is known, tells the act's own ACTES identifier from an earlier act's."""
    result = _read_body(doc)
    nature = result.get("nature")
    if nature and nature.startswith("syndicat") and (not _SYNDICATE_SAT.search(doc.fold, 0, _HEAD)
                                                     or _dated_from(doc, meeting)):
        # A syndicate named on the page (a report on the SIVOM, a stamp of its membership, a commune's act
        # that recounts what the comité syndical decided): the ACTES identifier's SIREN says which body
        # transmitted the act. Each body transmits its own acts (L2131-1, L5211-3) under its own SIREN, which
        # for a syndicate is none the reference data holds; a commune or community it knows by that SIREN is
        # the author. Where a comité is said to have sat, only an identifier dated from the meeting on is the
        # act's own: an earlier one is an annexed act's (a convention a member commune sent).
        by_siren = _transmitter(doc)
        if by_siren is not None:
            return by_siren
    if "nom" not in result:
        body = _actes_body(doc)
        named = _named_by_actes_id(doc, result.get("nature"), body) if body else None
        if named:
            result["nom"] = named
            if "nature" not in result:
                # No assembly named (an annex, a report sent with the act): the register says what the
                # transmitting body is, a commune or a community, and so which rules its meetings follow.
                result["nature"] = body[2]
    else:
        result["nom"] = _without_dateline(doc, result["nom"])
    return result


# « SIVOM Rhône-Alpes Sud » above « Lons-le-Saunier, le 2 mai 2016 »: the line breaks lost, the
# heading's name runs into the place of the date line under it.
_DATELINE_AFTER = re.compile(r", le (?=\d|1er|premier|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|(?:[a-z-]+ ){1,3}"
                             r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b)")


_BARE_KINDS = {"commune", "ville", "mairie", "commune nouvelle", "communaute de communes", "communaute d'agglomeration",
               "communaute urbaine", "metropole", "syndicat mixte", "syndicat intercommunal", "sivom", "sivu"}


def _without_dateline(doc: Document, read: tuple) -> tuple:
    value, source, confidence = read
    words = value.split(" ")
    for cut in range(1, min(4, len(words) - 1) + 1):
        place = " ".join(words[-cut:])
        rest = " ".join(words[:-cut])
        kept = _TRAILING_LINK.sub("", rest).strip()
        if (not lexique.is_commune(place) or fold(words[-cut - 1]) in _FUNCTION_WORDS | {"les"}
                or not re.search(r"[A-ZÀ-Þ][\wÀ-ÿ'-]*$", kept) or fold(kept) in _BARE_KINDS):
            # The place must be a commune the data knows, standing after a whole name: not the
            # tail of « Commune de Les Herbiers », nor leaving a bare « Commune ».
            continue
        for m in re.finditer(re.escape(f"{words[-cut - 1]} {place}"), doc.text):
            if _DATELINE_AFTER.match(doc.fold, m.end()):
                return kept, source, confidence
    return read


# « ID : 037-213702145-20230207-2023_01-DE »: the SIREN in an ACTES identifier is the transmitting
# body's; the reference data names it. Only when the text itself gives no name, and only a body of
# the nature read (a commune's SIREN for a commune's minutes).
# « 079-200041317-20200214-C33-02-2020-1AR »: a number with hyphens, the nature glued to its last digit.
_ACTES_SIREN = re.compile(r"\b(?:\d{3}|02[AB])-(?P<siren>\d{9})-\d{8}-(?:[A-Za-z0-9_]{1,15}-|[A-Za-z0-9_-]{1,20}?(?<=\d))"
                          r"(?:DE|AR|AI|CC|BF|AU)\b")
_ACTES_CONFIDENCE = 0.85
_EPCI_WORDS = {"CC": "Communauté de communes", "CA": "Communauté d'agglomération", "CU": "Communauté urbaine"}


def _of_official(name: str) -> str:
    """« du Mans », « des Sables-d'Olonne », « de La Baule-Escoublac », « d'Ibos »."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return _article(name) + name


_SYNDICATE_SAT = re.compile(r"\b(?:comite|conseil|bureau) syndical\b|\bcomite (?:du|de ce) syndicat\b|\bdelegues?\b")
_ACTES_DATE = re.compile(r"-\d{9}-(?P<date>\d{8})-")


def _dated_from(doc: Document, meeting: dt.date | None) -> bool:
    """Whether the single SIREN's ACTES identifiers are all dated the meeting's day or later."""
    body = _actes_body(doc)
    if body is None or meeting is None:
        return False
    siren = body[0].group("siren")
    dates = []
    for m in _ACTES_SIREN.finditer(doc.text):
        if m.group("siren") != siren:
            continue
        try:
            dates.append(dt.datetime.strptime(_ACTES_DATE.search(m.group(0)).group("date"), "%Y%m%d").date())
        except ValueError:
            return False
    return bool(dates) and min(dates) >= meeting


def _actes_body(doc: Document) -> tuple | None:
    """The match of the single SIREN of the document's ACTES identifiers, with the name and nature
    the register gives it."""
    # A SIREN ends with a Luhn check digit: one the extraction garbled names no body, or the wrong one.
    sirens = {m.group("siren"): m for m in _ACTES_SIREN.finditer(doc.text) if _luhn(m.group("siren"))}
    if len(sirens) != 1:
        return None
    siren, m = next(iter(sirens.items()))
    found = lexique.body_of_siren(siren)
    return None if found is None else (m, *found)


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _transmitter(doc: Document) -> dict | None:
    """The body the single SIREN of the document's ACTES identifiers names, with its nature."""
    body = _actes_body(doc)
    if body is None:
        return None
    kind = body[2]
    named = _named_by_actes_id(doc, "commune" if kind == "commune" else None, body)
    if named is None:
        return None
    return {"nature": kind, "nom": named}


def _named_by_actes_id(doc: Document, nature: str | None, body: tuple | None = None) -> tuple | None:
    body = body or _actes_body(doc)
    if body is None:
        return None
    m, name, kind = body
    if kind == "commune":
        if nature not in (None, "commune"):
            return None
        return f"Commune {_of_official(name)}", doc.span(m.start(), m.end()), _ACTES_CONFIDENCE
    if nature == "commune":
        return None
    short, _, rest = name.partition(" ")
    return f"{_EPCI_WORDS.get(short, short)} {rest}".strip(), doc.span(m.start(), m.end()), _ACTES_CONFIDENCE


def _read_body(doc: Document) -> dict:
    head_fold = doc.fold[:_HEAD]
    result: dict = {}
    nature, doubt = _nature(head_fold, doc.fold)
    if nature is None and _speaks_as_a_syndicate(doc.text):
        nature, doubt = "syndicat_de_communes", _DEFAULT_NATURE_CONFIDENCE
    elif nature is None and _MAYOR.search(head_fold) and not _INTERCOMMUNAL.search(head_fold):
        # « Le Conseil, sur proposition de Monsieur le Maire, … »: no assembly named in full, but a
        # mayor presides and no intercommunal body is in sight.
        nature = "commune"
    if nature is not None:
        result["nature"] = nature
    if doubt is not None:
        result["nature_confiance"] = doubt
    folded_head = doc.fold[:_HEAD]
    text_head = doc.text[:_HEAD]
    members = _member_lines(folded_head)
    if nature is None and members >= 2:
        # « Commune de X : M. Y ; Commune de Z : Mme W »: the delegates of member communes, so the
        # body that met is not a commune, whatever its assembly is called.
        return result
    if nature in (None, "commune"):
        body_start = _body_start(folded_head)
        for confidence, regex in _COMMUNE_PREFIXES:
            for m in regex.finditer(folded_head):
                if _DELEGATE_LINE.match(folded_head, m.end()) or _CITED_ACT.search(folded_head, max(0, m.start() - 50),
                                                                                    m.start()):
                    # « Vu la délibération du conseil municipal de la commune de Y »: another
                    # commune's act cited, not the body.
                    continue
                if m.start() > body_start and _partner(folded_head, m.start()):
                    continue
                name = _commune_name(text_head, m.end())
                if name is None:
                    continue
                if m.start() > body_start and not _supported(doc.fold, fold(name), body_start, commune=True):
                    # A commune named once past the heading and the opening formula (a partner in
                    # a convention, a place), and not in the heading either, is not the body.
                    continue
                before = folded_head[max(0, m.start() - 20):m.start()]
                if nature is None and _MEETING_PLACE.search(before):
                    # « s'est réuni à l'Hôtel de Ville de X », « à la mairie de X »: where a body
                    # with no assembly named met, not which body it is.
                    continue
                kind_word = "Ville" if "ville" in m.group(0) else "Commune"
                result["nom"] = (f"{kind_word} {_article(name, m.group(0))}{name}",
                                 doc.span(m.start(), m.end() + len(name)), confidence)
                if nature is None and confidence >= 0.85:
                    result["nature"] = "commune"
                return result
        town = _letterhead_town(doc, body_start) if nature == "commune" else None
        if town:
            result["nom"] = town
            return result
        repeated = _repeated_name(doc, _COMMUNE_ANYWHERE, _commune_name)
        if repeated and nature == "commune":
            name, source = repeated
            kind_word = "Ville" if fold(source).startswith("ville") else "Commune"
            result["nom"] = (f"{kind_word} {_article(name, fold(source)[:len(fold(source)) - len(name)])}{name}",
                             source, _REPEATED_CONFIDENCE)
        elif nature == "commune":
            council = _own_council(doc) or _heading_town_confirmed(doc, body_start)
            if council:
                result["nom"] = council
        return result
    else:
        met = _met_assembly_name(doc, nature)
        if met and met[2] is None:
            result.setdefault("nom_ecarte", (met[0], met[1], _CUT_REASON))
        elif met:
            result["nom"] = met
            return result
        body_start = _body_start(folded_head)
        by_initials = unknown_community = None
        for m in _EPCI_PREFIX.finditer(folded_head):
            if not _kind_fits(m.group("kind"), nature):
                continue
            if _ANOTHER_BODY.search(folded_head, max(0, m.start() - 45), m.start()):
                # « Objet : adhésion au Syndicat mixte X », « délégués au SIVOM de Y »: a body the
                # one that met deals with.
                continue
            found = _epci_name(text_head, m.end())
            kind = text_head[m.start("kind"):m.end("kind")]
            link = text_head[m.end("kind"):m.end()]
            if not found and m.group("kind").startswith("syndicat"):
                # « Syndicat intercommunal d'énergies de Maine-et-Loire »: what the syndicate does,
                # in lower case, comes before the place that names it.
                bracket = re.match(r" ?\([^()]{2,20}\)", text_head[m.end("kind"):])
                after = m.end("kind") + (bracket.end() if bracket else 0)
                described = _DESCRIBED.match(text_head, after)
                found = _epci_name(text_head, described.end()) if described else None
                if found:
                    link = text_head[m.end("kind"):described.end()]
            if not found:
                continue
            name, end = found
            name_start = m.end("kind") + len(link)
            # « … HAUTE-SAÔNE / Montreuil, le 21 janvier 2010 »: a letter's date line under the heading, which
            # `_without_dateline` takes off the name, is no doubt on where the name ends.
            line_end = (None if _QUOTED_NAME.match(text_head, name_start) or _DATELINE_AFTER.match(doc.fold, end)
                        else _line_end(doc, name_start, end))
            if line_end is not None:
                # Set aside rather than cut at the line end (measured: cutting kept a wrong name).
                result.setdefault("nom_ecarte", (text_head[m.start():end], doc.span(m.start(), end), _LINE_REASON))
                continue
            if m.start() > body_start and not _supported(doc.fold, fold(name), body_start):
                continue
            if _EPCI_PREFIX.fullmatch(fold(name) + " ") or _EPCI_PREFIX.fullmatch(fold(name)):
                # « Communauté de Communes COMMUNAUTE DE COMMUNES “DES TROIS RIVIÈRES” »: the kind written
                # twice is no name.
                continue
            trust = None
            tail = _lower_tail(text_head, end)
            if tail is not None:
                name, end, trust = text_head[end - len(name):tail], tail, _GONE_ON_CONFIDENCE
            elif _cut_short(text_head, end):
                longer = _gone_on(text_head, end)
                if longer is None:
                    result.setdefault("nom_ecarte", (text_head[m.start():end], doc.span(m.start(), end + 60),
                                                     _CUT_REASON))
                    continue
                name, end, trust = text_head[end - len(name):longer], longer, _GONE_ON_CONFIDENCE
            if _GLUED_WORDS.search(text_head, m.start(), end):
                # « … DE SAINT-GERMAIN-EN-LAYESiège : Mairie … »: words the extraction glued together, so
                # where the name ends cannot be told.
                result.setdefault("nom_ecarte", (text_head[m.start():end], doc.span(m.start(), end), _GLUED_REASON))
                continue
            initials = bool(re.fullmatch(r"(?:[A-Z]\.?){3,7}", kind))
            written = kind.replace(".", "") if initials else f"{kind[:1].upper()}{kind[1:].lower()}"
            known = _known_epci(f"{written}{link}", name)
            if known:
                end -= len(name) - len(known)
                name = known
            # A syndicate is not in the reference data: its name, read from the heading alone, is
            # trusted a little less than a community's the data could have confirmed.
            trust = 0.85 if known else trust or (0.85 if m.group("kind").startswith(("communaute", "metropole",
                                                                                     "eurometropole")) else 0.8)
            read = (f"{written}{link}{name}", doc.span(m.start(), end), trust)
            if known is None and lexique.available() and m.group("kind").startswith("communaute"):
                # A community's name the reference data does not know (« Communauté d'Agglomération
                # de Pau en matière … », a former or truncated name) gives way to one it knows
                # further on (« Communauté d'Agglomération Pau Béarn Pyrénées »).
                unknown_community = unknown_community or read
                continue
            if initials:
                # « SIAEP de Condom » may be written in full further on, as the body is named.
                by_initials = by_initials or read
                continue
            result["nom"] = read
            return result
        if unknown_community is not None or by_initials is not None:
            result["nom"] = unknown_community or by_initials
            return result
        if nature == "metropole":
            # « Bordeaux Métropole », « Nantes Métropole »: the city before the word.
            m = _CITY_METROPOLE.search(text_head)
            if m:
                result["nom"] = (m.group(0), doc.span(m.start(), m.end()), 0.8)
                return result
        if nature in _KIND_WORDS or nature == "epci_a_fiscalite_propre":
            repeated = _repeated_name(doc, _COMMUNITY_ANYWHERE)
            if repeated:
                name, source = repeated
                kind = _KIND_WORDS.get(nature)
                result["nom"] = (f"{kind} {name}" if kind else name, source, _REPEATED_CONFIDENCE)
            else:
                named = _epci_named_anywhere(doc)
                if named:
                    result["nom"] = named
    return result


# A commune's letterhead above its council's minutes: « … 37800 Sainte-Maure-de-Touraine »,
# « Sainte-Maure-de-Touraine, le 8 février 2023 ». The town of the postal address or of the
# dateline is the commune's own, when the reference data knows it.
_POSTAL_TOWN = re.compile(r"\b\d{5} (?=[A-ZÀ-Þ])")
_DATELINE = re.compile(r"(?P<words>(?:[A-ZÀ-Þa-zà-ÿ][\wÀ-ÿ'-]* ){0,3}[A-ZÀ-Þ][\wÀ-ÿ'-]*), le (?=\d|1er|premier"
                       r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)")
_LETTERHEAD = 800
# Below referentiel.recherche.NOM_DOUTEUX: a town read from an address identifies no body.
_LETTERHEAD_CONFIDENCE = 0.65


def _letterhead_town(doc: Document, body_start: int) -> tuple | None:
    if not lexique.available():
        return None
    end = min(body_start, _LETTERHEAD)
    towns = {}
    for m in _POSTAL_TOWN.finditer(doc.text, 0, end):
        name = _commune_name(doc.text, m.end())
        if name:
            towns.setdefault(fold(name), (name, m.start(), m.end() + len(name)))
    for m in _DATELINE.finditer(doc.text, 0, end):
        words = list(re.finditer(r"[^ ]+", m.group("words")))
        for word in words:
            name = m.group("words")[word.start():]
            if lexique.is_commune(name):
                towns.setdefault(fold(name), (name, m.start("words") + word.start(), m.end("words")))
                break
    if len(towns) != 1:
        return None
    name, start, stop = next(iter(towns.values()))
    return f"Commune {_article(name)}{name}", doc.span(start, stop), _LETTERHEAD_CONFIDENCE


# « Vu la délibération du Conseil Municipal de Puygouzon en date du … », past the heading: a
# commune's own council, when the text names no other council and the reference data knows it.
_COUNCIL_OF = re.compile(rf"\bconseil municipal {_OF}")
# « actée au conseil municipal de Luze », « transmis aux conseils municipaux de … »: a council
# spoken of, not the one whose act this is.
_SPOKEN_OF = re.compile(r"\b(?:au|aux|avec le|et le|entre le|par le) $")


def _own_council(doc: Document) -> tuple | None:
    if not lexique.available():
        return None
    found = {}
    for m in _COUNCIL_OF.finditer(doc.fold):
        name = _commune_name(doc.text, m.end())
        if name:
            found.setdefault(fold(name), (name, m))
    if len(found) != 1:
        return None
    name, m = next(iter(found.values()))
    if _SPOKEN_OF.search(doc.fold, max(0, m.start() - 12), m.start()):
        # « La zone a été actée au conseil municipal de Luze »: another commune's council spoken
        # of, not this council acting (« Vu la délibération du conseil municipal de X », « Le
        # conseil municipal de X, après en avoir délibéré »).
        return None
    return (f"Commune {_article(name, m.group(0))}{name}", doc.span(m.start(), m.end() + len(name)),
            _REPEATED_CONFIDENCE)


# « CHAMPHOL Séance du Conseil Municipal du 25 janvier 2023 … la commune de Champhol »: a town's
# name alone in capitals in the heading, confirmed by the text naming it as « la commune de ».
# Neither alone names the body (a heading may print a place, the text a neighbour); both agreeing do,
# with doubt.
# Words without hyphens, joined by a space or a hyphen: one way only to cut a run, so that a long
# run that fails at its end costs its length, not two to the power of its hyphens.
_CAPITALS_RUN = re.compile(r"(?<![\wÀ-ÿ'-])[A-ZÀ-Þ][A-ZÀ-Þ']{2,}(?:[ -][A-ZÀ-Þ][A-ZÀ-Þ']*)*(?![\wÀ-ÿ'-])")
_NOT_THE_TOWN = re.compile(r"(?:departement|arrondissement|canton|region|prefecture|sous-prefecture|tribunal|rue"
                           r"|avenue|place|\d{5}) (?:de la |de l'|du |des |de |d')?$")
_HEADING_TOWN = 600


def _heading_town_confirmed(doc: Document, body_start: int) -> tuple | None:
    if not lexique.available():
        return None
    end = min(body_start, _HEADING_TOWN)
    towns = {}
    for m in _CAPITALS_RUN.finditer(doc.text, 0, end):
        words = list(re.finditer(r"[^ ]+", m.group(0)))
        for first in range(len(words)):
            at = m.start() + words[first].start()
            if _NOT_THE_TOWN.search(doc.fold[max(0, at - 30):at]):
                continue
            for last in range(len(words), first, -1):
                name = m.group(0)[words[first].start():words[last - 1].end()]
                if len(name) >= 3 and fold(name) not in _STOP_WORDS and lexique.is_commune(name):
                    towns.setdefault(fold(name), (name, m.start() + words[first].start()))
                    break
            else:
                continue
            break
    if len(towns) != 1:
        return None
    key, (name, start) = next(iter(towns.items()))
    named = {fold(found) for m in _COMMUNE_ANYWHERE.finditer(doc.fold)
             if (found := _commune_name(doc.text, m.end())) is not None}
    if named != {key}:
        return None
    return f"Commune {_article(name)}{name}", doc.span(start, start + len(name)), _REPEATED_CONFIDENCE


# The community named in the text by its initials or after its name (« Collectivité CC Gâtine-Racan »,
# « les sites de Charlieu Belmont Communauté »), when the reference data knows the name.
_EPCI_SHORT = re.compile(r"\b(?P<kind>cc|ca|cu|c\.[cau]\.|communaute de communes|communaute d'agglomeration"
                         r"|communaute urbaine)"
                         r" (?P<link>du |de la |des |de |d')?(?=[a-z])")
# « Charlieu Belmont Communauté », « VALENCE ROMANS AGGLO », « Rochefort Océan Agglomération »: the
# name before the word, which some official names keep (« CA Valence Romans Agglo »).
# In capitals the accent may be kept (« ROANNAIS AGGLOMÉRATION », « CHARLIEU BELMONT COMMUNAUTÉ ») or not.
_NAMED_COMMUNAUTE = re.compile(r"(?P<name>(?:[A-ZÀ-Þ][\wÀ-ÿ'-]+ ){1,4})(?P<word>Communaut[ée]|COMMUNAUT[EÉ]"
                               r"|Agglo(?:m[ée]ration)?|AGGLO(?:M[EÉ]RATION)?)(?![\wÀ-ÿ])")
_SHORT_KINDS = {"cc": "cc", "ca": "ca", "cu": "cu", "c.c.": "cc", "c.a.": "ca", "c.u.": "cu", "communaute de communes": "cc",
                "communaute d'agglomeration": "ca", "communaute urbaine": "cu"}
_DISPLAY_KINDS = {"cc": "Communauté de communes", "ca": "Communauté d'agglomération", "cu": "Communauté urbaine"}


def _epci_named_anywhere(doc: Document) -> tuple | None:
    if not lexique.available():
        return None
    seen: dict = {}
    for m in _EPCI_SHORT.finditer(doc.fold):
        short = _SHORT_KINDS[m.group("kind")]
        link = doc.text[m.start("link"):m.end("link")] if m.group("link") else ""
        # The name ends with its clause: « CA du Grand Chalon. Le conseil … » is not « … Chalon. Le ».
        window = re.match(r"[^.;:()]*", doc.text[m.end():m.end() + 80]).group(0)
        words = list(re.finditer(r"[^ ,]+", window))[:8]
        for word in reversed(words):
            name = doc.text[m.end():m.end() + word.end()]
            if lexique.is_epci(f"{short} {link}{name}"):
                seen.setdefault((short, fold(link + name)), [f"{_DISPLAY_KINDS[short]} {link}{name}",
                                                             doc.span(m.start(), m.end() + word.end()), 0])[2] += 1
                break
    for m in _NAMED_COMMUNAUTE.finditer(doc.text):
        words = m.group("name").split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            if fold(words[k]) in _FUNCTION_WORDS:
                # « … SITES DE CHARLIEU BELMONT COMMUNAUTE »: the name does not begin with « DE ».
                continue
            short = next((s for s in ("cc", "ca", "cu") if lexique.is_epci(f"{s} {name}")), None)
            if short is None and lexique.is_epci(f"ca {name} {m.group('word')}"):
                short, name = "ca", f"{name} {m.group('word')}"
            if short:
                seen.setdefault((short, fold(name)), [f"{_DISPLAY_KINDS[short]} {name}",
                                                      doc.span(m.start() + m.group(0).index(name), m.end()), 0])[2] += 1
                break
    if len(seen) != 1:
        return None
    value, source, _ = next(iter(seen.values()))
    return value, source, _REPEATED_CONFIDENCE


# The assembly that met, named with its body: « le Conseil Communautaire du Plateau de
# LANNEMEZAN, légalement convoqué, s'est réuni », « Compte-rendu du Conseil Communautaire Touraine
# Ouest Val de Loire du 28 Juin 2022 », « le Comité du Syndicat Mixte Loire et Goulaine ».
_ASSEMBLY_OF = re.compile(r"\b(?:conseil communautaire|comite syndical|conseil syndical|bureau communautaire|bureau syndical"
                          r"|conseil metropolitain) (?P<link>de la |de l'|du |des |de |d')?")
# « … LES DÉLÉGUÉS SE SONT RÉUNIS »: the verb's own subject, between a title's assembly and the verb.
_OTHER_SUBJECT = re.compile(r"\b(?:le|la|les) (?:conseil|comite|bureau|assemblee|delegues|conseillers|membres|elus)\b")
_KIND_WORDS = {"communaute_de_communes": "Communauté de communes", "communaute_d_agglomeration":
               "Communauté d'agglomération", "communaute_urbaine": "Communauté urbaine"}
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,9}")
_OWN_KIND = re.compile(r"(?:communautes?|communes?|syndicat|(?:euro)?metropole|pays|sivom|sivu)\b")


def _kind_fits(kind: str, nature: str | None) -> bool:
    """A body named in the heading is the one that met only if it is of the nature read from the
    assembly: a communauté's extract that names the syndicate it joins is not the syndicate's."""
    if kind.startswith("communaute"):
        return nature is None or nature.startswith("communaute") or nature == "epci_a_fiscalite_propre"
    if kind.endswith("metropole"):
        return nature in ("metropole", "epci_a_fiscalite_propre")
    if kind == "etablissement public territorial":
        return nature in (None, "autre")
    return nature is None or nature.startswith("syndicat") or nature == "autre"


# A heading prints each of its parts on a line of its own: a body's name that runs past a line end into
# words neither the line's last word nor the next line's first word joins to it (« SYNDICAT MIXTE DU
# BASSIN DU LOIR / NOTE DE SYNTHESE », « … / Loir-et-Cher », « … / Quorum : 7 ») may end there or go on
# over two lines: where it ends cannot be told, and a name cut short or run on names no body. « … D'EAU
# POTABLE / DE LA RÉGION DE X », « … du Bassin de la / Vienne » go on.
_JOINS_BEFORE = re.compile(r"(?:^|[ '-])(?:de|du|des|la|le|les|et|en|sur|sous|aux|au|a|pour|d'|l')$")
_JOINS_AFTER = re.compile(r"(?:(?:de|du|des|la|le|les|et|en|sur|sous|aux|au|a|pour)\b|[dl]')")
_LINE_REASON = "nom qui passe la fin de la ligne de l'en-tête (sa fin ne se lit pas) : non retenu"


def _line_end(doc: Document, start: int, end: int) -> int | None:
    """The first line end inside the name written between `start` and `end` that does not join its two
    lines, or None (also when the document keeps no line ends)."""
    breaks = getattr(doc, "breaks", ())
    for at in breaks[bisect_left(breaks, start + 1):bisect_left(breaks, end)]:
        next_line = doc.text[at + 1:end].lstrip()
        if (_JOINS_BEFORE.search(doc.fold[start:at].rstrip()) or _JOINS_AFTER.match(fold(next_line))
                or next_line[:1].islower()):
            continue
        return at
    return None


_GLUED_WORDS = re.compile(r"[A-ZÀ-Þ]{2}[a-zà-ÿ]{2,}\b")
_GLUED_REASON = "nom dont l'extraction a collé les mots (sa fin ne se lit pas) : non retenu"
_CUT_REASON = "nom coupé avant sa fin (la suite du nom n'est pas lue) : non retenu"


def _met_assembly_name(doc: Document, nature: str | None) -> tuple | None:
    """The body named with the assembly that met (value, source, confidence); a confidence of None
    when the name read is cut short."""
    for m in _ASSEMBLY_OF.finditer(doc.fold, 0, _HEAD):
        found = _NAME_RE.match(doc.text, m.end())
        name = _clean(found.group("name")) if found else None
        if not name or len(name) < 3:
            continue
        end = m.end() + len(name)
        dated = re.match(r",? du \d| du (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", doc.fold[end:end + 14])
        met = None if dated else _MET.match(doc.fold, end)
        if not dated and (not met or _OTHER_SUBJECT.search(doc.fold, end, met.end())
                          or any(regex.search(doc.fold, end, met.end()) for _, regex in _ASSEMBLIES)):
            # « … du comité syndical (title) Considérant que … le comité syndical du SIVOM … s'est
            # réuni »: the verb belongs to the assembly named nearer to it.
            continue
        if find_dates(fold(name)) or fold(name).split(" ")[0] in ("le", "la", "les", "a", "l'an"):
            # « … du comité syndical LE HUIT MAI DEUX MILLE DIX-SEPT, LES DÉLÉGUÉS SE SONT RÉUNIS »: the
            # opening formula in capitals after a title, not a name.
            continue
        if _ACRONYM.fullmatch(name):
            # « le comité syndical du SIEML s'est réuni »: the initials are not the body's name;
            # its full name, if the heading gives it, is read below.
            return None
        if _OWN_KIND.match(fold(name)):
            # « Conseil de la Communauté de communes X »: the body's own heading, read below.
            return None
        link = doc.text[m.start("link"):m.end("link")] if m.group("link") else ""
        if _cut_short(doc.text, end):
            return name, doc.span(m.start(), end + 60), None
        if nature in _KIND_WORDS:
            value = f"{_KIND_WORDS[nature]} {link}{name}"
        elif not link and re.match(r"(?:intercommunal|mixte)\b", fold(name)):
            # « le comité Syndical Intercommunal de Regroupement Scolaire X »: the comité of the Syndicat
            # intercommunal X, its name written with the assembly's adjective.
            value = f"Syndicat {name[:1].lower()}{name[1:]}"
        else:
            value = name
        return value, doc.span(m.start(), end), 0.8
    return None


# No name in the heading: a name the body of the text gives at least twice (« la Commune de
# Champhol … la commune de Champhol »), read with less trust than a heading.
_COMMUNE_ANYWHERE = re.compile(r"\b(?:commune|ville) d(?:e |u |es |')")
_REPEATED_CONFIDENCE = 0.6
# « La Communauté Touraine-Est Vallées a validé … », « COMMUNAUTE DE COMMUNES TOURAINE-EST VALLEES »
_COMMUNITY_ANYWHERE = re.compile(r"\bcommunaute (?:de communes |d'agglomeration |urbaine )?(?!de |d'|du |des )")


def _plain_name(text: str, pos: int) -> str | None:
    found = _NAME_RE.match(text, pos)
    return _clean(found.group("name")) if found else None


def _repeated_name(doc: Document, regex: re.Pattern, namer=_plain_name) -> tuple | None:
    seen: dict = {}
    first_source: dict = {}
    for m in regex.finditer(doc.fold):
        if _DELEGATE_LINE.match(doc.fold, m.end()) or re.search(
                r"(?:membres?|adhesion|au sein|delegues?|representants?) (?:de la |des |de )?$",
                doc.fold[max(0, m.start() - 30):m.start()]):
            continue
        if namer is _commune_name and _partner(doc.fold, m.start()):
            continue
        name = namer(doc.text, m.end())
        if not name:
            continue
        key = fold(name)
        seen[key] = seen.get(key, 0) + 1
        first_source.setdefault(key, (name, doc.span(m.start(), m.end() + len(name))))
    if not seen:
        return None
    ranked = sorted(seen.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return first_source[ranked[0][0]]


def _article(name: str, before: str = "") -> str:
    """« du », « des » as the text writes them (« Commune du Pouliguen », « Commune des Villages
    Vovéens »), else « de » or « d' » by the name's first letter."""
    written = re.search(r"\b(du|des) $", before)
    if written:
        return written.group(1) + " "
    return "d'" if name[:1].lower() in "aeiouyéèêàâîïôh" else "de "
