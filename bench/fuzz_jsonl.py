"""Mutated records through `delibcheck check`: no crash, no traceback, nothing lost.

Realistic records (`bench/generate.py`) are mutated at random — bytes flipped, cut, doubled;
bytes that are not UTF-8, a BOM, bare carriage returns, NUL and ANSI escapes; values replaced by
huge numbers, huge texts, dates at the ends of the calendar, lone surrogates, deep nesting;
keys dropped, renamed or doubled — and written as JSON Lines. The command runs over them in a
real process and the run is judged:

- it ends with an exit code of the table (0, 1, 2, 3), never a traceback on standard error;
- every line that is not blank gives exactly one result, in order, with its line number
  (`fichier` and `ligne`), and the summary reconciles the counts;
- every line of the output is JSON that follows `checker/schemas/resultat.schema.json`
  (`--format jsonl`); other formats are parsed as their tools would (`--formats`).

    python bench/fuzz_jsonl.py --nombre 100000 --jobs 2
    python bench/fuzz_jsonl.py --nombre 5000 --formats jsonl,json,junit,sarif,html,texte
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import record  # noqa: E402

JUNK = [b"\xff", b"\xc3", b"\xe9", b"\x00", b"\r", b"\xef\xbb\xbf", b"\x1b[2J", b"\x07", b"\\", b'"', b"{", b"}",
        b"[", b"]", b",", b":", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\t", b"\x0c"]
VALUES = [10 ** 5000, -1, 2 ** 70, 1e308, "9999-12-31", "0001-01-01", "2023-02-29", "2024-02-29", "x" * 100_000,
          "\ud800", "\u202e\u0645", "\x1b[31mrouge\x1b[0m", "", None, True, [], {}, "\x00", "9" * 5000,
          "2023-13-01", "31/12/2023", {"valeur": "2023-01-01", "source": "s"}, {"affirme": True}, [[[[[[[[]]]]]]]]]
KEYS = ["seance", "date", "collectivite", "deliberations", "convocation", "vote", "pour", "transmission",
        "date_reception", "population", "nature", "inconnu", "valeur", "affirme", "membres_en_exercice"]


def _walk(data, rng):
    """A random (container, key) inside the data."""
    node, key = data, None
    for _ in range(rng.randint(1, 5)):
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
        elif isinstance(node, list) and node:
            key = rng.randrange(len(node))
        else:
            break
        if isinstance(node[key], (dict, list)) and rng.random() < 0.7:
            node = node[key]
            key = None
        else:
            break
    return node, key


def mutate_data(data, rng):
    for _ in range(rng.randint(1, 3)):
        node, key = _walk(data, rng)
        if key is None:
            continue
        choice = rng.random()
        if choice < 0.45:
            node[key] = rng.choice(VALUES)
        elif choice < 0.6 and isinstance(node, dict):
            del node[key]
        elif choice < 0.75 and isinstance(node, dict):
            node[rng.choice(KEYS)] = node.pop(key)
        elif choice < 0.85:
            deep = node[key]
            for _ in range(rng.choice([10, 100, 3000])):
                deep = [deep] if rng.random() < 0.5 else {"a": deep}
            node[key] = deep
        else:
            node[key] = {"valeur": node[key], "source": rng.choice(["x", "\x1b[1m", "é" * 300])}
    return data


def _dumps(data) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=rng_ascii()).encode("utf-8", errors="surrogatepass")
    except (ValueError, RecursionError, OverflowError):
        return b'{"seance": {"date": "2023-01-01"}}'


_ASCII = random.Random(0)


def rng_ascii() -> bool:
    return _ASCII.random() < 0.5


def mutate_bytes(raw: bytes, rng) -> bytes:
    raw = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        where = rng.randrange(len(raw) + 1)
        if choice < 0.35:
            raw[where:where] = rng.choice(JUNK)
        elif choice < 0.55 and raw:
            raw[min(where, len(raw) - 1)] = rng.randrange(256)
        elif choice < 0.7:
            del raw[where:]
        elif choice < 0.85 and raw:
            end = min(len(raw), where + rng.randint(1, 200))
            raw[where:where] = raw[where:end]
        else:
            key = rng.choice(KEYS).encode()
            raw[where:where] = b'"' + key + b'": 1, "' + key + b'": 2,'
    return bytes(raw.replace(b"\n", b"\r"))


def feed(count: int, seed: int, path: Path) -> tuple[list[int], int]:
    """Write `count` records (most of them mutated); return the numbers of the lines that must
    give a result, and the number of lines written."""
    rng = random.Random(seed)
    expected = []
    with open(path, "wb") as out:
        for n in range(1, count + 1):
            data = record(rng, n)
            kind = rng.random()
            if kind < 0.15:
                raw = _dumps(data)
            elif kind < 0.55:
                raw = _dumps(mutate_data(data, rng))
            else:
                raw = mutate_bytes(_dumps(mutate_data(data, rng) if rng.random() < 0.3 else data), rng)
            out.write(raw + b"\n")
            visible = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
            if visible.strip(b" \t\r\n"):
                expected.append(n)
    return expected, count


def check_output(fmt: str, output: Path, expected: list[int], feed_path: Path) -> list[str]:
    problems = []
    text = output.read_text(encoding="utf-8")
    if fmt == "jsonl":
        import jsonschema
        schema = json.loads((ROOT / "checker" / "schemas" / "resultat.schema.json").read_text(encoding="utf-8"))
        one = jsonschema.Draft202012Validator({**{k: v for k, v in schema.items() if k != "oneOf"},
                                               "$ref": "#/$defs/resultat"})
        lines = []
        for number, line in enumerate(text.splitlines(), 1):
            try:
                result = json.loads(line)
            except ValueError as exc:
                problems.append(f"ligne de sortie {number} illisible : {exc}")
                continue
            errors = list(one.iter_errors(result))
            if errors:
                problems.append(f"ligne de sortie {number} hors schéma : {errors[0].message[:200]}")
            lines.append(result.get("ligne"))
            if result.get("fichier") != str(feed_path):
                problems.append(f"ligne de sortie {number} : fichier {result.get('fichier')!r}")
        if lines != expected:
            missing = sorted(set(expected) - set(lines))[:10]
            extra = sorted(set(lines) - set(expected))[:10]
            problems.append(f"{len(lines)} résultats pour {len(expected)} lignes ; manquantes {missing}, en trop {extra}")
    elif fmt in ("json", "sarif"):
        document = json.loads(text)
        count = len(document["resultats"]) if fmt == "json" else None
        if count is not None and count != len(expected):
            problems.append(f"{count} résultats pour {len(expected)} lignes")
    elif fmt == "junit":
        root = ET.fromstring(text.encode("utf-8"))
        if len(root.findall("testsuite")) != len(expected):
            problems.append(f"{len(root.findall('testsuite'))} testsuites pour {len(expected)} lignes")
    elif fmt == "html":
        if text.count(' data-statut="') != len(expected) or not text.rstrip().endswith("</html>"):
            problems.append("page HTML incomplète")
    return problems


def run(fmt: str, feed_path: Path, expected: list[int], jobs: int, workdir: Path) -> dict:
    output = workdir / f"sortie.{fmt}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBCHECK_CONFIG": ""}
    start = time.monotonic()
    process = subprocess.run([sys.executable, "-m", "checker.cli", "--isole", "check", str(feed_path),
                              "--format", fmt, "--jobs", str(jobs), "-o", str(output)],
                             stderr=subprocess.PIPE, env=env, cwd=workdir)
    elapsed = time.monotonic() - start
    stderr = process.stderr.decode("utf-8", errors="replace")
    problems = []
    if process.returncode not in (0, 1, 2, 3):
        problems.append(f"code de sortie {process.returncode}")
    if "Traceback" in stderr or "Exception ignored" in stderr:
        problems.append("trace Python sur la sortie d'erreur : " + stderr[-2000:])
    summary = [line for line in stderr.splitlines() if " lus = " in line]
    if not summary or not summary[-1].startswith(f"delibcheck : {len(expected)} lus"):
        problems.append(f"résumé inattendu : {summary[-1:] or stderr[-500:]}")
    problems += check_output(fmt, output, expected, feed_path)
    return {"format": fmt, "code": process.returncode, "secondes": round(elapsed, 1),
            "par_seconde": round(len(expected) / elapsed, 1), "resume": summary[-1] if summary else None,
            "problemes": problems}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nombre", type=int, default=100_000)
    parser.add_argument("--graine", type=int, default=14)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", default="jsonl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="delibcheck-fuzz-") as tmp:
        workdir = Path(tmp)
        feed_path = workdir / "mutes.jsonl"
        expected, written = feed(args.nombre, args.graine, feed_path)
        print(f"{written} lignes écrites ({feed_path.stat().st_size // 1024} ko), {len(expected)} non vides",
              flush=True)
        failed = False
        for fmt in args.formats.split(","):
            report = run(fmt, feed_path, expected, args.jobs, workdir)
            print(json.dumps(report, ensure_ascii=False), flush=True)
            failed |= bool(report["problemes"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
