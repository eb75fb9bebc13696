"""The reference data of bodies (checker/referentiel): size, look-up times, cold start, and what
it decides on the real corpus.

    python bench/referentiel.py [--corpus ../shared/corpus] [--repetitions 9]

Prints: the size of the data file; the time to load it and to look a body up (by INSEE code, by
SIREN, by name, before and after the indexes a batch builds); the cold start of a one-record
`check` with and without the reference data (median of the repetitions, separate processes); and,
on the 22 real texts 004–025, the reference document and the examples, how many acts get a
decided status (conforme or non conforme) and how many findings are decided, without and with the
reference data, with the reference document's verdicts on its convocation regime and quorum, and
what blocks the undecided acts (the facts their undecided findings miss, the rules left open).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DECIDED = ("conforme", "non_conforme")


def timed(function, repeat: int = 200) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1000


def lookups() -> dict:
    from checker.referentiel import donnees
    from checker.referentiel.recherche import par_insee, par_nom, par_siren

    start = time.perf_counter()
    data = donnees.Donnees(donnees.FICHIER.read_bytes())
    load = (time.perf_counter() - start) * 1000
    day = dt.date(2023, 12, 19)
    searches = {
        "code INSEE": lambda: par_insee(data, "59009", ""),
        "SIREN": lambda: par_siren(data, "215900093", ""),
        "nom": lambda: par_nom(data, "Villeneuve d'Ascq", None, day, None),
        "nom ambigu": lambda: par_nom(data, "Saint-Denis", None, day, None),
    }
    out = {"chargement_ms": round(load, 1)}
    data.searches = -10 ** 9     # searches in the text only
    out["recherche_texte_ms"] = {k: round(timed(f, 20), 2) for k, f in searches.items()}
    start = time.perf_counter()
    data._index()
    out["index_ms"] = round((time.perf_counter() - start) * 1000, 1)
    out["recherche_index_ms"] = {k: round(timed(f, 2000), 4) for k, f in searches.items()}
    return out


def cold_start(repetitions: int) -> dict:
    example = str(ROOT / "examples" / "villeneuve-dascq-2023-12-19.yaml")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = {}
    for label, extra in (("sans_referentiel", ["--sans-referentiel"]), ("avec_referentiel", [])):
        runs, cpu = [], []
        subprocess.run([sys.executable, "-m", "checker.cli", "check", example, *extra], capture_output=True, env=env)
        for _ in range(repetitions):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "checker.cli", "check", example, *extra], capture_output=True,
                           env=env)
            runs.append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
        # Wall time on a shared machine varies; the CPU time of the process says more of the cost.
        out[label] = {"mur_ms": round(statistics.median(runs)), "cpu_ms": round(statistics.median(cpu))}
    return out


def decided(corpus: Path) -> dict:
    from checker.batch import Options, run_batch
    import io

    inputs = [str(corpus / "real" / f"{n:03d}.txt") for n in range(4, 26)]
    inputs += [str(corpus / "villeneuve-dascq-2023-12-19.txt")]
    inputs += sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    out = {"actes": len(inputs)}
    for label, on in (("sans_referentiel", False), ("avec_referentiel", True)):
        buffer = io.StringIO()
        run_batch(inputs, Options(fmt="jsonl", show_all=True, referentiel=on, preuves="completes"), buffer,
                  io.StringIO())
        results = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
        findings = [c for r in results for c in r.get("constats", ()) if c["statut"] != "non_applicable"]
        out[label] = {
            "actes_decides": sum(1 for r in results if r["statut"] in DECIDED),
            "constats_decides": sum(1 for c in findings if c["statut"] in DECIDED),
            "constats_applicables": len(findings),
            "collectivites_trouvees": sum(1 for r in results if (r.get("referentiel") or {}).get("collectivite")),
        }
        out[label]["ce_qui_bloque"] = blockers(results)
        reference = next(r for r in results if r["fichier"].endswith("villeneuve-dascq-2023-12-19.txt"))
        out[label]["document_de_reference"] = {
            c["regle"]: c["statut"] for c in reference["constats"]
            if c["regle"] in ("L2121-11.delai", "L2121-12.delai", "L2121-12.note_synthese", "L2121-17.quorum",
                              "L2121-2.effectif")}
    return out


def blockers(results: list) -> dict:
    """What keeps the undecided acts undecided: the facts missing from their undecided findings
    (each fact counted once per act), the rules left undecided, and the acts one rule short."""
    from collections import Counter

    facts, rules, alone = Counter(), Counter(), Counter()
    undecided = [r for r in results if r["statut"] not in DECIDED and r["statut"] != "erreur"]
    for result in undecided:
        open_findings = [c for c in result.get("constats", ()) if c["statut"] == "indetermine"]
        facts.update({m["chemin"].split("[")[0] for c in open_findings for m in c.get("manquants", ())})
        rules.update({c["regle"] for c in open_findings})
        if len({c["regle"] for c in open_findings}) == 1:
            alone[open_findings[0]["regle"]] += 1
    return {"actes_indecis": len(undecided),
            "faits_manquants": dict(facts.most_common(20)),
            "regles_indecises": dict(rules.most_common(20)),
            "actes_a_une_regle_pres": dict(alone.most_common())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repetitions", type=int, default=9)
    parser.add_argument("--verdicts-seulement", action="store_true", help="only the verdicts on the corpus")
    args = parser.parse_args()
    if args.verdicts_seulement:
        print(json.dumps(decided(args.corpus), ensure_ascii=False, indent=2))
        return 0
    from checker.referentiel.donnees import FICHIER
    report = {"fichier_octets": FICHIER.stat().st_size, "recherches": lookups(),
              "demarrage_a_froid_ms": cold_start(args.repetitions)}
    if args.corpus.is_dir():
        report["verdicts"] = decided(args.corpus)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
