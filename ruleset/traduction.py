"""French for the messages of the parsers (json, PyYAML, Python's own limits) that reach a user.

The parsers speak English, and their wording is not part of any stable interface: each known
message is matched by a pattern and said in French; a message not in the table is replaced by a
generic French sentence rather than shown in English. Quoted values are cut (`cite`): an error
about a 10 MB value must not itself be 10 MB long.
"""
from __future__ import annotations

import re

LIMIT = 120


def notation(value) -> str:
    """A value as the record writes it (JSON notation: true, null, [1, 2]), not as Python does."""
    import json
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:
        # An integer beyond Python's conversion limit.
        return "(nombre de plus de 4 300 chiffres)"
    except RecursionError:
        return "(valeur trop imbriquée)"


def cite(value, limit: int = LIMIT) -> str:
    """A value as a message quotes it: on one line, control characters made visible, cut when long."""
    text = value if isinstance(value, str) else notation(value)
    if len(text) > 4 * limit:
        text = text[: 4 * limit]
    text = visible(text)
    if len(text) > limit:
        cut = len(value) if isinstance(value, str) else len(text)
        text = f"{text[:limit]}… ({cut} caractères)"
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def visible(text: str, keep_newlines: bool = False) -> str:
    """Control characters (ANSI escapes included) written as `\\xNN` / `\\uNNNN`, so that a value
    from a record can neither move the cursor, recolour the terminal nor break an XML file."""
    def show(match):
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    text = _CONTROL.sub(show, text)
    if not keep_newlines:
        text = text.replace("\n", "\\n").replace("\t", "\\t")
    return text


_JSON = (
    (r"Expecting value", "valeur attendue (texte entre guillemets, nombre, true, false, null, objet ou liste)"),
    (r"Expecting property name enclosed in double quotes", "nom de clé entre guillemets doubles attendu"),
    (r"Expecting ',' delimiter", "virgule « , » attendue entre deux éléments"),
    (r"Expecting ':' delimiter", "deux-points « : » attendu après la clé"),
    (r"Unterminated string starting at", "texte entre guillemets non refermé"),
    (r"Invalid control character at", "caractère de contrôle non échappé dans un texte"),
    (r"Invalid \\escape", "séquence d'échappement « \\ » non valide"),
    (r"Invalid \\uXXXX escape", "séquence « \\uXXXX » non valide"),
    (r"Extra data", "contenu en trop après la fin du document JSON"),
    (r"Unexpected UTF-8 BOM", "marque d'ordre des octets (BOM) en tête"),
    (r"Out of range float values", "nombre hors limites (NaN ou infini)"),
)

_YAML = (
    (r"could not determine a constructor for the tag '?([^']*)'?",
     "étiquette YAML « {0} » non admise (seules les valeurs simples, listes et objets le sont)"),
    (r"could not find expected ':'", "deux-points « : » attendu après une clé"),
    (r"mapping values are not allowed here", "« : » inattendu ici (clé mal indentée ou texte à mettre entre guillemets)"),
    (r"found character '(.*)' that cannot start any token", "caractère « {0} » qui ne peut commencer aucun élément"),
    (r"found unexpected end of stream", "fin du document inattendue (guillemet ou crochet non refermé ?)"),
    (r"found unexpected ':'", "« : » inattendu"),
    (r"found undefined alias", "alias YAML non défini"),
    (r"found undefined tag handle", "préfixe d'étiquette YAML non défini"),
    (r"found unknown escape character", "séquence d'échappement inconnue dans un texte entre guillemets"),
    (r"found duplicate anchor", "ancre YAML en double"),
    (r"found a tab character", "tabulation interdite à cet endroit (indenter avec des espaces)"),
    (r"found incompatible YAML document", "version de YAML non prise en charge"),
    (r"found unacceptable character", "caractère non admis dans un document YAML"),
    (r"expected '<document start>', but found", "un seul document attendu : contenu en trop"),
    (r"expected <block end>, but found", "indentation incohérente (fin de bloc attendue)"),
    (r"expected ',' or '\]', but got", "virgule « , » ou « ] » attendu dans la liste"),
    (r"expected ',' or '}', but got", "virgule « , » ou « } » attendu dans l'objet"),
    (r"expected a single document in the stream", "un seul document attendu par fichier"),
    (r"expected alphabetic or numeric character", "lettre ou chiffre attendu (nom d'ancre ou d'alias)"),
    (r"expected chomping or indentation indicators", "indicateur de bloc littéral mal formé"),
    (r"expected a comment or a line break", "commentaire ou fin de ligne attendu"),
    (r"expected URI", "adresse d'étiquette mal formée"),
    (r"while scanning", "syntaxe invalide"),
    (r"while parsing", "syntaxe invalide"),
    (r"special characters are not allowed", "caractère spécial non admis"),
    (r"unacceptable character", "caractère non admis dans un document YAML"),
)

_PYTHON = (
    (r"Exceeds the limit \((\d+) digits\)", "nombre de plus de {0} chiffres : trop long pour être lu"),
    (r"invalid literal for int\(\)", "nombre entier mal formé"),
    (r"could not convert string to float", "nombre décimal mal formé"),
    (r"maximum recursion depth", "document trop profondément imbriqué"),
    (r"year (-?\d+) is out of range", "année {0} hors du calendrier"),
    (r"date value out of range", "date hors du calendrier (après le 31/12/9999)"),
)


def _translate(text: str, table, fallback: str) -> str:
    for pattern, french in table:
        match = re.search(pattern, text)
        if match:
            return french.format(*(cite(g, 20) for g in match.groups()))
    return fallback


def json_message(msg: str) -> str:
    return _translate(msg, _JSON + _PYTHON, "syntaxe JSON invalide")


def yaml_message(problem: str) -> str:
    return _translate(problem, _YAML + _PYTHON, "syntaxe YAML invalide")


def python_message(exc: BaseException) -> str:
    return _translate(str(exc), _PYTHON, "valeur illisible")


def os_message(exc: OSError) -> str:
    """The reason of a system error in French (the system's own text follows the locale, often English)."""
    import errno
    reasons = {
        errno.ENOENT: "fichier ou dossier introuvable", errno.EACCES: "permission refusée",
        errno.EPERM: "opération non permise", errno.EISDIR: "c'est un dossier", errno.ENOTDIR: "pas un dossier",
        errno.ENOSPC: "plus de place sur le disque", errno.EDQUOT: "quota disque dépassé",
        errno.EFBIG: "fichier trop gros", errno.EIO: "erreur d'entrée-sortie",
        errno.EROFS: "système de fichiers en lecture seule", errno.EBADF: "descripteur fermé",
        errno.ENAMETOOLONG: "nom trop long", errno.ELOOP: "trop de liens symboliques",
        errno.EMFILE: "trop de fichiers ouverts", errno.ENXIO: "périphérique absent",
        errno.EINVAL: "argument non valide", errno.EPIPE: "tube rompu",
    }
    return reasons.get(exc.errno, f"erreur système n° {exc.errno}" if exc.errno else "erreur système")
