"""Regenerate the reference data of delibcheck from Etalab's « découpage administratif » package.

    python scripts/referentiel.py            # npm pack each version below into a temporary directory
    python scripts/referentiel.py --paquets DIR   # or read DIR/VERSION/package/data/*.json already unpacked

Needs `npm` (only `npm pack`, which reads the npm registry) and writes one file,
`checker/referentiel/donnees/cog.tsv`, committed and installed with the package: checking a
record never needs the network nor npm.

The versions and what each carries are listed in VERSIONS and documented in
`checker/referentiel/DONNEES.md`: the COG year follows the package's README table; the year of
the population (« population légale » of census year N, in force on 1 January N+3) was
established from the INSEE page its README cites and by checking Paris's population municipale
against INSEE's published figures (the package reads the PMUN column: population municipale).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
OUT = Path(__file__).resolve().parent.parent / "checker" / "referentiel" / "donnees" / "cog.tsv"

# (package version, COG year of its geography, date from which its population is in force,
#  census year of that population). Ordered by COG year.
VERSIONS = [
    ("0.7.0", 2019, "2019-01-01", 2016),
    ("1.1.1", 2021, "2022-01-01", 2019),
    ("2.3.1", 2022, "2023-01-01", 2020),
    ("3.1.1", 2023, "2023-01-01", 2020),
    ("4.1.0", 2024, "2025-01-01", 2022),
    ("5.3.0", 2025, "2026-01-01", 2023),
    ("6.0.0", 2026, "2026-01-01", 2023),
]
EPCI_TYPES = {"CC": "communaute_de_communes", "CA": "communaute_d_agglomeration", "CU": "communaute_urbaine",
              "METRO": "metropole", "MET69": "metropole"}


def unpack(version: str, work: Path) -> Path:
    target = work / version
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{version}"], cwd=target,
                            capture_output=True, text=True, check=True)
    tarball = target / result.stdout.strip().splitlines()[-1]
    subprocess.run(["tar", "xzf", tarball.name], cwd=target, check=True)
    return target / "package" / "data"


def read(data: Path, name: str):
    with open(data / name, encoding="utf-8") as f:
        return json.load(f)


def _creations(history: list) -> dict:
    """Code → day a commune nouvelle (or a merger) made it, from the package's history (to 2019)."""
    out: dict = {}
    for entry in history:
        if entry.get("type") == "COM" and entry.get("raisonDebut") in ("commune nouvelle", "fusion simple",
                                                                      "fusion-association"):
            out[entry["code"]] = max(out.get(entry["code"], ""), entry.get("dateDebut") or "")
    return out


def build(data_dirs: list[Path]) -> list[str]:
    """The lines of the derived file (see checker/referentiel/DONNEES.md for the layout)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from checker.referentiel.noms import cle

    n = len(VERSIONS)
    communes: dict = {}
    epcis: dict = {}
    created = _creations(read(data_dirs[0], "historique-communes.json"))
    for index, data in enumerate(data_dirs):
        rows = read(data, "communes.json")
        actuelles = {c["code"]: c for c in rows if c.get("type") == "commune-actuelle"}
        for code, c in actuelles.items():
            entry = communes.setdefault(code, {"siren": "", "dep": c.get("departement"), "noms": [None] * n,
                                               "pop": [None] * n, "anciens": set(), "anciens_noms": set(),
                                               "sirens": [""] * n})
            entry["noms"][index] = c["nom"]
            entry["pop"][index] = c.get("population")
            entry["dep"] = c.get("departement") or entry["dep"]
            if c.get("siren"):
                entry["siren"] = c["siren"]
                entry["sirens"][index] = c["siren"]
            entry["anciens"].update(c.get("anciensCodes", ()))
        for c in rows:
            # Communes déléguées and associées keep the name of a former commune: a document may
            # still name the body by it.
            if c.get("type") in ("commune-deleguee", "commune-associee") and c.get("chefLieu") in actuelles:
                communes[c["chefLieu"]]["anciens_noms"].add(c["nom"])
        for e in read(data, "epci.json"):
            entry = epcis.setdefault(e["code"], {"noms": [None] * n, "type": None, "membres": [None] * n})
            entry["noms"][index] = e["nom"]
            entry["type"] = EPCI_TYPES.get(e.get("type"), "epci_a_fiscalite_propre")
            entry["membres"][index] = sorted(m["code"] for m in e.get("membres", ()))
    present = [{code for code, e in communes.items() if e["noms"][i]} for i in range(n)]
    lines = []
    for code in sorted(communes):
        e = communes[code]
        # The perimeter of a commune in a version: which of its former communes (anciensCodes)
        # were still communes of their own then. A population is comparable across versions
        # only where that perimeter is the same.
        anciens = sorted(e["anciens"])
        signatures = [tuple(a for a in anciens if a in present[i]) if e["noms"][i] else None for i in range(n)]
        distinct = sorted({s for s in signatures if s is not None})
        perimetre = [distinct.index(s) if s is not None else None for s in signatures]
        creee = created.get(code, "")
        for i in range(1, n):
            changed = e["noms"][i] and (not e["noms"][i - 1] or signatures[i] != signatures[i - 1])
            if changed and i > 0 and (signatures[i] != signatures[i - 1] or code not in present[0]):
                # Made between two versions: known only as after the one, by the other.
                first, last = VERSIONS[i - 1][1] + 1, VERSIONS[i][1]
                creee = f"{last}-01-01" if first == last else f"{first}-01-01/{last}-01-01"
        for a in anciens:
            for other in communes.get(a, {}).get("noms", ()):
                if other:
                    e["anciens_noms"].add(other)
        latest = next(name for name in reversed(e["noms"]) if name)
        own = {cle(name) for name in e["noms"] if name}
        former = {cle(name) for name in e["anciens_noms"]} - own
        lines.append("\t".join([
            "C", code, e["siren"], e["dep"] or "", latest,
            "|" + "|".join(sorted(own)) + "|", "|" + "|".join(sorted(former)) + "|" if former else "",
            ",".join("" if p is None else str(p) for p in e["pop"]),
            ",".join("" if p is None else str(p) for p in perimetre) if len(distinct) > 1 else "",
            "".join("1" if name else "0" for name in e["noms"]),
            creee,
            # A commune nouvelle may keep the code of a former commune under a new SIREN.
            ",".join(e["sirens"]) if len({x for x in e["sirens"] if x}) > 1 else "",
        ]))
    member_lists: list = []
    seen: dict = {}
    for siren in sorted(epcis):
        e = epcis[siren]
        refs = []
        for members in e["membres"]:
            if members is None:
                refs.append("")
                continue
            key = tuple(members)
            if key not in seen:
                seen[key] = len(member_lists)
                member_lists.append(members)
            refs.append(str(seen[key]))
        latest = next(name for name in reversed(e["noms"]) if name)
        own = {cle(name) for name in e["noms"] if name}
        lines.append("\t".join(["E", siren, latest, "|" + "|".join(sorted(own)) + "|", e["type"], ",".join(refs)]))
    for index, members in enumerate(member_lists):
        lines.append("\t".join(["M", str(index), ",".join(members)]))
    header = {
        "format": 1,
        "source": f"npm {PACKAGE} (Etalab, Licence Ouverte) : INSEE, Code officiel géographique et populations "
                  "légales (population municipale) ; DGCL, composition des EPCI à fiscalité propre",
        "versions": [{"paquet": v, "cog": cog, "population_en_vigueur": start, "recensement": census}
                     for v, cog, start, census in VERSIONS],
    }
    return ["#" + json.dumps(header, ensure_ascii=False, separators=(",", ":"))] + lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paquets", type=Path, help="dossier des paquets déjà dépaquetés (VERSION/package/data)")
    parser.add_argument("--sortie", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.paquets:
            dirs = [args.paquets / v / "package" / "data" for v, *_ in VERSIONS]
        else:
            dirs = [unpack(v, Path(tmp)) for v, *_ in VERSIONS]
        lines = build(dirs)
    args.sortie.parent.mkdir(parents=True, exist_ok=True)
    args.sortie.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kinds = [line[0] for line in lines]
    print(f"{args.sortie} : {kinds.count('C')} communes, {kinds.count('E')} EPCI, "
          f"{args.sortie.stat().st_size} octets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
