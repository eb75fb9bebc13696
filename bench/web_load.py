"""Load benchmark of `delibcheck serve`, on 127.0.0.1 only, bounded in requests and in time.

    python bench/web_load.py                        # one-record checks, 10-page PDFs, a 60 s soak
    python bench/web_load.py --soak 600             # the 10-minute soak of the issue

Starts `delibcheck serve --workers 2` on a free port of 127.0.0.1 (or uses `--adresse
http://127.0.0.1:PORT` of a server already running there; any other host is refused), then:

- one-record checks: `POST /api/v1/controle` of a JSON record, from `--connexions` keep-alive
  connections, until `--requetes` requests or `--duree` seconds, whichever comes first;
- 10-page PDFs: `POST /api/v1/controle` of a 10-page PDF with a text layer (the Villeneuve d'Ascq
  extract spread over 10 pages), each read in its own process by the server;
- a soak: one-record checks for `--soak` seconds, the resident memory of the server's whole process
  tree sampled every 5 s, errors counted.

Reports requests per second, p50/p90/p99 latency, errors, memory, and the machine's load (the
load average of `uptime`: the machine is shared). Results go to bench/out/web_load.json. The
client is a few hundred lines of asyncio over raw HTTP/1.1, so that it costs the shared cores as
little as possible; it runs on the same machine as the server, and its CPU is part of the figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
RECORD = ROOT / "examples" / "convocation-tardive.yaml"
DOCUMENT = ROOT / "tests" / "data" / "corpus" / "villeneuve-dascq-2023-12-19.txt"

sys.path.insert(0, str(HERE))
from run import _children, tree_rss_kb  # noqa: E402  the batch benchmark's process-tree readings


# ---- the server's process tree ----------------------------------------------------------------

def tree_rss_mb(pid: int) -> float:
    return round(tree_rss_kb(pid) / 1024, 1)


def tree_cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by the live processes of the tree."""
    if pid is None:
        return 0.0
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(_children(current))
    return total / os.sysconf("SC_CLK_TCK")


def measured(pid: int | None, run) -> dict:
    """A measurement, with the server's CPU time per request: steadier than wall time on a shared machine."""
    before = tree_cpu_s(pid)
    result = asyncio.run(run)
    if pid is not None and result["requetes"]:
        result["cpu_serveur_ms_par_requete"] = round(1000 * (tree_cpu_s(pid) - before) / result["requetes"], 2)
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port),
                                "--workers", str(workers)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("web_load : le serveur s'est arrêté au démarrage")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


# ---- requests --------------------------------------------------------------------------------

def json_request(host: str, port: int, path: str, body: bytes) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def multipart_request(host: str, port: int, path: str, name: str, data: bytes) -> bytes:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"{name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body


async def _response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def load(address: str, request: bytes, connections: int, most: int, seconds: float,
               expected: int = 200) -> dict:
    parts = urlsplit(address)
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop = time.perf_counter() + seconds

    async def worker():
        nonlocal errors, sent
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while sent < most and time.perf_counter() < stop:
                sent += 1
                started = time.perf_counter()
                writer.write(request)
                await writer.drain()
                status = await _response(reader)
                latencies.append(time.perf_counter() - started)
                if status != expected:
                    errors += 1
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else 0.0

    return {"requetes": len(latencies), "erreurs": errors, "duree_s": round(elapsed, 2),
            "req_par_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
            "moyenne_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else 0.0}


def ten_page_pdf() -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from web_support import text_as_pdf
    return text_as_pdf(DOCUMENT.read_text(encoding="utf-8"), 10)


def loadavg() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


async def soak(address: str, request: bytes, connections: int, seconds: float, pid: int | None) -> dict:
    samples = []
    totals = {"requetes": 0, "erreurs": 0}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        window = min(5.0, end - time.monotonic())
        result = await load(address, request, connections, 10 ** 9, window)
        totals["requetes"] += result["requetes"]
        totals["erreurs"] += result["erreurs"]
        samples.append({"t_s": round(seconds - (end - time.monotonic())), "rss_mo": tree_rss_mb(pid) if pid else None,
                        "req_par_s": result["req_par_s"], "p99_ms": result["p99_ms"]})
    memory = [s["rss_mo"] for s in samples if s["rss_mo"] is not None]
    return {**totals, "duree_s": seconds, "echantillons": samples,
            "rss_debut_mo": memory[0] if memory else None, "rss_fin_mo": memory[-1] if memory else None,
            "rss_max_mo": max(memory) if memory else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--adresse", help="serveur déjà lancé sur 127.0.0.1 (sinon le banc en lance un)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connexions", type=int, default=8)
    parser.add_argument("--requetes", type=int, default=4000, help="au plus, par mesure")
    parser.add_argument("--duree", type=float, default=20.0, help="secondes au plus, par mesure")
    parser.add_argument("--requetes-pdf", type=int, default=300)
    parser.add_argument("--soak", type=float, default=60.0, help="secondes d'endurance (0 : sans)")
    args = parser.parse_args()

    process = None
    if args.adresse:
        if urlsplit(args.adresse).hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("web_load : seulement contre un serveur sur 127.0.0.1")
        address, pid = args.adresse.rstrip("/"), None
    else:
        process, address = start_server(args.workers)
        pid = process.pid
    parts = urlsplit(address)
    record = RECORD.read_text(encoding="utf-8")
    import yaml
    body = json.dumps(yaml.safe_load(record), default=str).encode()
    one = json_request(parts.hostname, parts.port, "/api/v1/controle", body)
    pdf = multipart_request(parts.hostname, parts.port, "/api/v1/controle", "extrait.pdf", ten_page_pdf())
    out: dict = {"machine": {"coeurs": os.cpu_count(), "charge_avant": loadavg()}, "workers": args.workers,
                 "connexions": args.connexions}
    try:
        asyncio.run(load(address, one, 2, 50, 10))  # warm-up: engines loaded, caches filled
        out["rss_repos_mo"] = tree_rss_mb(pid) if pid else None
        out["un_dossier"] = measured(pid, load(address, one, args.connexions, args.requetes, args.duree))
        out["charge_un_dossier"] = loadavg()
        out["pdf_10_pages"] = measured(pid, load(address, pdf, min(args.connexions, 4), args.requetes_pdf,
                                                  args.duree))
        out["charge_pdf"] = loadavg()
        if args.soak > 0:
            out["endurance"] = asyncio.run(soak(address, one, args.connexions, args.soak, pid))
        out["machine"]["charge_apres"] = loadavg()
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
    OUT.mkdir(exist_ok=True)
    (OUT / "web_load.json").write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    for name in ("un_dossier", "pdf_10_pages"):
        r = out[name]
        print(f"{name:<13} {r['requetes']:>6} requêtes en {r['duree_s']} s : {r['req_par_s']} req/s ; "
              f"p50 {r['p50_ms']} ms, p90 {r['p90_ms']} ms, p99 {r['p99_ms']} ms ; {r['erreurs']} erreurs ; "
              f"CPU du serveur {r.get('cpu_serveur_ms_par_requete', '?')} ms par requête")
    if "endurance" in out:
        e = out["endurance"]
        print(f"endurance     {e['requetes']} requêtes en {e['duree_s']:g} s, {e['erreurs']} erreurs ; mémoire du "
              f"serveur {e['rss_debut_mo']} → {e['rss_fin_mo']} Mo (max {e['rss_max_mo']})")
    print(f"charge (uptime) : avant {out['machine']['charge_avant']}, après {out['machine']['charge_apres']} ; "
          f"{out['machine']['coeurs']} cœurs ; repos {out['rss_repos_mo']} Mo")


if __name__ == "__main__":
    main()
