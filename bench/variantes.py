"""The reader on label-preserving variants of the tuning documents (metamorphic testing).

    python bench/variantes.py [--kinds a,b] [--champ F] [--details] [--json] [--jobs N] [--echantillon N]

Every TUNING text (the shared corpus's 004–025, even texts 056–088 and the reference document, and
`bench/corpus/reglage/`; never a validation text: the loader refuses them) is rewritten by each kind of
`bench/variantes_kinds.py` (re-wrapped lines, page furniture, stamps, lost apostrophes or accents, label
synonyms, colons, counts in words, whitespace, an earlier meeting quoted, a second extract appended…),
read by the reader exactly as `bench/reader_accuracy.py` reads a text, and scored by its strict scoring
against the SAME labels: each kind keeps them true by construction. The table gives per kind the share of
labelled facts right, the share of reads wrong, and the loss against the plain texts the kind rewrote
(texts a kind skips are counted, not scored). A kind where the reader loses, and above all one where it
reads WRONG, is a robustness bug of the reader.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import reader_accuracy as accuracy  # noqa: E402
import variantes_kinds as kinds  # noqa: E402
from checker.errors import InputError  # noqa: E402
from checker.reader import read_text  # noqa: E402


class ValidationText(ValueError):
    """A validation text was asked for: nobody reads them but the bench's aggregate."""


def is_validation_path(path: Path) -> bool:
    """Whether `path` is a validation text or label: an odd text 057–089 of the shared corpus, or one of
    `bench/corpus/validation/`."""
    path = Path(path)
    if path.parent.name == "validation":
        return True
    return path.parent.name == "real" and accuracy.is_validation(path.stem)


def load(text_path: Path, label_path: Path, part: str) -> kinds.Source:
    """A tuning document; a validation one is refused before anything is read."""
    if part not in accuracy.TUNING_PARTS or is_validation_path(text_path) or is_validation_path(label_path):
        raise ValidationText(f"{text_path.name} : texte de validation, jamais lu par ce banc")
    return kinds.Source(text_path.name, text_path.read_text(encoding="utf-8"),
                        json.loads(label_path.read_text(encoding="utf-8")), part)


def tuning_sources(corpus: Path, extra: Path | None) -> list[kinds.Source]:
    return [load(text, label, part) for text, label, part in accuracy.documents(corpus, extra)
            if part in accuracy.TUNING_PARTS]


class Trace(accuracy.Tally):
    """A Tally that also keeps every fact scored: (field, expected, read, outcome)."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self.facts: list = []

    def record(self, doc, expected, got, confidence=None, calibration=None, kind=None):
        outcome = super().record(doc, expected, got, confidence, calibration, kind)
        if outcome is not None:
            self.facts.append((self.name, expected, got, outcome))
        return outcome


def read(text: str, name: str) -> dict:
    """The record the reader gives, as reader_accuracy takes it (an unreadable text gives nothing)."""
    try:
        return read_text(text, name)
    except InputError:
        return {}


def score(text: str, name: str, label: dict, engine=None) -> list:
    """The facts of one text scored strictly: [(field, expected, read, outcome)]; with `engine`, also the
    checker's verdicts on the record read that the labelled facts do not give, as facts of the pseudo-fields
    « constats.non_conforme » (expected None: every one is wrong) and « constats.conforme_cachant » (a
    « conforme » where the labelled facts give « non conforme »)."""
    tallies = {field: Trace(field) for field in accuracy.FIELDS}
    record = read(text, name)
    accuracy.compare(tallies, name, record, label)
    facts = [fact for field in accuracy.FIELDS for fact in tallies[field].facts]
    if engine is not None and record:
        from checker.findings import CONFORME, NON_CONFORME
        got = accuracy.verdicts(engine, record, name)
        truth = accuracy.verdicts(engine, accuracy.corrected_record(record, label), name)
        got_nc, truth_nc = accuracy._with_status(got, NON_CONFORME), accuracy._with_status(truth, NON_CONFORME)
        for rule, path in sorted(got_nc - truth_nc):
            facts.append((VERDICT_NC, None, f"{rule} {path}", accuracy.FAUX))
        for rule, path in sorted(accuracy._with_status(got, CONFORME) & truth_nc):
            facts.append((VERDICT_C, None, f"{rule} {path}", accuracy.FAUX))
    return facts


VERDICT_NC = "constats.non_conforme"
VERDICT_C = "constats.conforme_cachant"
VERDICTS = (VERDICT_NC, VERDICT_C)

_SOURCES: list = []
_ENGINE = None


def _task(job):
    index, kind_name = job
    source = _SOURCES[index]
    try:
        text = kinds.variant(source, kind_name, _SOURCES)
    except kinds.Skip as skip:
        return index, kind_name, None, str(skip)
    return index, kind_name, score(text, source.name, source.label, _ENGINE), None


def run(sources: list, kind_names: list, jobs: int = 1, constats: bool = False):
    """{(text index, kind): facts or None} and {(text index, kind): reason skipped}."""
    global _SOURCES, _ENGINE
    _SOURCES = sources
    if constats:
        from checker.engine_cache import compiled_for_workers
        _ENGINE = compiled_for_workers()
    wanted = ["identite"] + [k for k in kind_names if k != "identite"]
    work = [(i, k) for i in range(len(sources)) for k in wanted]
    results, skipped = {}, {}
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            outcomes = pool.imap_unordered(_task, work, chunksize=4)
            for index, kind_name, facts, reason in outcomes:
                results[(index, kind_name)] = facts
                if reason:
                    skipped[(index, kind_name)] = reason
    else:
        for job in work:
            index, kind_name, facts, reason = _task(job)
            results[(index, kind_name)] = facts
            if reason:
                skipped[(index, kind_name)] = reason
    return results, skipped


def tally(facts_lists, field: str | None = None) -> accuracy.Tally:
    """The facts of the labelled fields (or of one field, a verdict pseudo-field included) summed."""
    total = accuracy.Tally()
    for facts in facts_lists:
        for name, expected, got, outcome in facts:
            if name == field or field is None and name not in VERDICTS:
                total.n += expected is not None
                total.lus += got is not None
                total.justes += outcome == accuracy.JUSTE
                total.faux += outcome == accuracy.FAUX
                total.manques += outcome == accuracy.MANQUE
    return total


def _share(part, whole):
    return 100 * part / whole if whole else None


def summary(sources, kind_names, results, skipped, field=None) -> list[dict]:
    rows = []
    for kind_name in ["identite"] + [k for k in kind_names if k != "identite"]:
        done = [i for i in range(len(sources)) if results.get((i, kind_name)) is not None]
        plain = tally([results[(i, "identite")] for i in done], field)
        moved = tally([results[(i, kind_name)] for i in done], field)
        right, wrong = _share(moved.justes, moved.n), _share(moved.faux, moved.lus)
        plain_right, plain_wrong = _share(plain.justes, plain.n), _share(plain.faux, plain.lus)
        rows.append({
            "kind": kind_name, "textes": len(done),
            "sautes": sum(1 for (i, k) in skipped if k == kind_name),
            "justes_pct": right, "faux_pct": wrong, "n": moved.n, "lus": moved.lus, "faux": moved.faux,
            "justes": moved.justes,
            "perte_justes": None if right is None or plain_right is None else plain_right - right,
            "hausse_faux": None if wrong is None or plain_wrong is None else wrong - plain_wrong,
            "faux_nouveaux": moved.faux - plain.faux,
        })
        changes = {}
        for name in accuracy.FIELDS:
            before = tally([results[(i, "identite")] for i in done], name)
            after = tally([results[(i, kind_name)] for i in done], name)
            if (before.justes, before.faux) != (after.justes, after.faux):
                changes[name] = {"justes": after.justes - before.justes, "faux": after.faux - before.faux,
                                 "n": after.n}
        rows[-1]["champs"] = changes
        for key, pseudo in (("nc_faux", VERDICT_NC), ("c_cachant", VERDICT_C)):
            rows[-1][key] = tally([results[(i, kind_name)] for i in done], pseudo).faux
            rows[-1][key + "_texte"] = tally([results[(i, "identite")] for i in done], pseudo).faux
    return rows


def _cell(x, width=7):
    return f"{'-':>{width}}" if x is None else f"{x:{width}.1f}"


def render(rows, title, constats: bool = False) -> list[str]:
    lines = [title,
             f"{'variante':<24} {'justes':>7} {'faux/lus':>8} {'n':>5} {'lus':>5} {'faux':>5} "
             f"{'perte':>6} {'+faux':>6} {'textes':>6} {'sautés':>6}"
             + (f" {'NC faux':>8} {'C cachant NC':>13}" if constats else "")]
    for row in rows:
        lines.append(f"{row['kind']:<24} {_cell(row['justes_pct'])}% {_cell(row['faux_pct'])}% {row['n']:>5} "
                     f"{row['lus']:>5} {row['faux']:>5} {_cell(row['perte_justes'], 6)} "
                     f"{row['faux_nouveaux']:>+6} {row['textes']:>6} {row['sautes']:>6}"
                     + (f" {row['nc_faux']:>3} ({row['nc_faux_texte']:>2}) {row['c_cachant']:>6} ({row['c_cachant_texte']:>3})"
                        if constats else ""))
    return lines


def by_field(rows) -> list[str]:
    """Per kind, the fields whose facts right or wrong change against the same texts unchanged."""
    lines = ["Par variante, les champs qui changent (justes gagnés ou perdus, faux en plus ou en moins, sur n) :"]
    for row in rows:
        if row["champs"]:
            cells = sorted(row["champs"].items(), key=lambda item: (item[1]["justes"], -item[1]["faux"]))
            lines.append(f"  {row['kind']:<22} " + " ; ".join(
                f"{name} {c['justes']:+d}/{c['faux']:+d} sur {c['n']}" for name, c in cells))
    return lines


def details(sources, kind_names, results, field=None) -> list[str]:
    """Per text and field where a variant is read otherwise than the plain text."""
    lines = []
    for kind_name in kind_names:
        if kind_name == "identite":
            continue
        for i, source in enumerate(sources):
            facts = results.get((i, kind_name))
            if facts is None:
                continue
            plain = {name: (expected, got, outcome) for name, expected, got, outcome in results[(i, "identite")]}
            plain_verdicts = {got for name, _, got, _ in results[(i, "identite")] if name in VERDICTS}
            for name, expected, got, outcome in facts:
                if field is not None and name != field:
                    continue
                if name in VERDICTS:
                    if got not in plain_verdicts:
                        lines.append(f"{kind_name:<20} {source.name:<10} {name:<30} {got}")
                    continue
                before = plain.get(name, (expected, None, accuracy.MANQUE))
                if before[1] != got:
                    lines.append(f"{kind_name:<20} {source.name:<10} {name:<30} {before[2]:>6}->{outcome:<6} "
                                 f"attendu={expected!r} texte={before[1]!r} variante={got!r}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=accuracy._default_corpus(),
                        help="dossier du corpus étiqueté partagé (défaut : celui de reader_accuracy)")
    parser.add_argument("--extra", type=Path, default=accuracy.ROOT / "bench" / "corpus",
                        help="textes étiquetés supplémentaires (seul reglage/ est lu) ; défaut : bench/corpus")
    parser.add_argument("--kinds", help="variantes à mesurer, séparées par des virgules (défaut : toutes) ; "
                        "connues : " + ", ".join(kinds.KINDS))
    parser.add_argument("--champ", help="un seul champ (ex. seance.presents) ; connus : " + ", ".join(accuracy.FIELDS))
    parser.add_argument("--details", action="store_true",
                        help="par texte et champ : attendu / lu sur le texte / lu sur la variante, où ils diffèrent")
    parser.add_argument("--json", action="store_true", help="sortie JSON pour les machines")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="processus de lecture (défaut : 2)")
    parser.add_argument("--echantillon", type=int, default=0,
                        help="ne lire que N textes, répartis sur tout le corpus de réglage (défaut : tous)")
    parser.add_argument("--liste", action="store_true", help="lister les variantes et ce qu'elles imitent")
    parser.add_argument("--par-champ", action="store_true",
                        help="pour chaque variante, les champs dont les justes ou les faux changent")
    parser.add_argument("--constats", action="store_true",
                        help="passer aussi le contrôle sur chaque fiche lue : « non conforme » que les faits étiquetés ne "
                             "donnent pas, « conforme » où ils donnent « non conforme » (entre parenthèses : sur les "
                             "mêmes textes non transformés)")
    args = parser.parse_args(argv)
    if args.liste:
        for name, text in kinds.DESCRIPTIONS.items():
            print(f"{name:<24} {text}")
        return 0
    kind_names = list(kinds.KINDS) if not args.kinds else [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kind_names if k not in kinds.KINDS]
    if unknown:
        print(f"variante inconnue : {', '.join(unknown)} ; connues : {', '.join(kinds.KINDS)}", file=sys.stderr)
        return 2
    if args.champ and args.champ not in accuracy.FIELDS + list(VERDICTS):
        print(f"champ inconnu : {args.champ} ; connus : {', '.join(accuracy.FIELDS)}", file=sys.stderr)
        return 2
    if not (args.corpus / "real").is_dir():
        print(f"corpus introuvable : {args.corpus}", file=sys.stderr)
        return 2
    sources = tuning_sources(args.corpus, args.extra)
    if args.echantillon and args.echantillon < len(sources):
        step = len(sources) / args.echantillon
        sources = [sources[int(i * step)] for i in range(args.echantillon)]
    results, skipped = run(sources, kind_names, args.jobs, args.constats)
    rows = summary(sources, kind_names, results, skipped, args.champ)
    if args.json:
        out = {"textes": len(sources), "champ": args.champ, "variantes": rows,
               "descriptions": {k: kinds.DESCRIPTIONS[k] for k in ["identite"] + kind_names},
               "sautes": [{"texte": sources[i].name, "variante": k, "raison": r} for (i, k), r in sorted(skipped.items())]}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    title = (f"Lecteur sur des variantes des {len(sources)} textes de réglage (notation stricte de reader_accuracy ; "
             f"perte = points de « justes » perdus sur les mêmes textes ; +faux = lectures fausses en plus)"
             + (f" — champ {args.champ}" if args.champ else ""))
    lines = render(rows, title, args.constats)
    if args.par_champ:
        lines.append("")
        lines += by_field(rows)
    if args.details:
        lines.append("")
        lines += details(sources, kind_names, results, args.champ)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
