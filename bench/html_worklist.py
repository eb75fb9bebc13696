"""The HTML worklist on a large batch: file size, time to write it, and in Chromium the time to
open the page (until the list is sorted and paged), to filter it and to open one act.

    python bench/html_worklist.py --actes 10000 --jobs 2

Records come from bench/generate.py (realistic, 2 % broken on purpose); the page goes to
bench/out/worklist-N.html (ignored by git); figures are printed and written to
bench/out/html_worklist.json. Chromium is Debian's, driven by Playwright (as in the tests).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import lines  # noqa: E402


def write_page(count: int, jobs: int) -> tuple[Path, float]:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    source = out / f"worklist-{count}.jsonl"
    source.write_text("".join(line + "\n" for line in lines(count)), encoding="utf-8")
    page = out / f"worklist-{count}.html"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    with page.open("w", encoding="utf-8") as target:
        subprocess.run([sys.executable, "-m", "checker.cli", "check", str(source), "--format", "html",
                        "--jobs", str(jobs)], stdout=target, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return page, time.perf_counter() - start


def measure_browser(page: Path, repeats: int) -> dict:
    """Wall time to a usable list, the page's own timings (parse, ready), and in-page times, a
    forced layout included, to filter the list and to open an act."""
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    runs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        for _ in range(repeats):
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            tab.goto(page.as_uri(), timeout=300_000)
            tab.wait_for_selector("body[data-pret=oui]", timeout=300_000)
            wall = time.perf_counter() - start
            timing = tab.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
                return {parse: n.domInteractive, ready: n.domContentLoadedEventEnd}; }""")
            filtre = tab.evaluate("""() => { const s = document.getElementById('f-action'), t = performance.now();
                s.value = 'recours_gracieux'; s.dispatchEvent(new Event('change')); document.body.offsetHeight;
                return performance.now() - t; }""")
            rows = tab.evaluate("document.querySelectorAll('tbody.acte.montre').length")
            ouverture = tab.evaluate("""() => { const b = document.querySelector('tbody.acte.montre button.ouvrir'),
                t = performance.now(); b.click(); document.body.offsetHeight; return performance.now() - t; }""")
            runs.append((wall, timing["parse"] / 1000, timing["ready"] / 1000, filtre / 1000, ouverture / 1000))
            tab.close()
        browser.close()
    med = [statistics.median(column) for column in zip(*runs)]
    return {"chargement_s": round(med[0], 2), "analyse_html_s": round(med[1], 2), "liste_prete_s": round(med[2], 2),
            "filtre_s": round(med[3], 3), "ouverture_acte_s": round(med[4], 3), "lignes_apres_filtre": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actes", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    page, seconds = write_page(args.actes, args.jobs)
    figures = {"actes": args.actes, "taille_mo": round(page.stat().st_size / 1e6, 1),
               "octets_par_acte": round(page.stat().st_size / args.actes), "ecriture_s": round(seconds, 1)}
    figures.update(measure_browser(page, args.repetitions))
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    (HERE / "out" / "html_worklist.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                                                     encoding="utf-8")


if __name__ == "__main__":
    main()
