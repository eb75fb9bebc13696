"""Helpers of the web tests: PDFs and archives made on purpose (good, hostile), a server to drive."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

from checker.pdf_texte import pdf_file as pdf, text_pages_pdf as pages_pdf  # noqa: F401 (pages_pdf: imported by the API tests)

ROOT = Path(__file__).resolve().parent.parent


def text_as_pdf(text: str, pages: int) -> bytes:
    lines = [line for line in text.splitlines()]
    per_page = max(1, -(-len(lines) // pages))
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    while len(chunks) < pages:
        chunks.append(["(page laissée blanche)"])
    return pages_pdf(chunks[:pages])


def flate_bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated` bytes of text operators."""
    compressor = zlib.compressobj(9)
    block = b"BT /F1 9 Tf 40 800 Td (x) Tj ET\n" * 4096
    parts = []
    produced = 0
    while produced < inflated:
        parts.append(compressor.compress(block))
        produced += len(block)
    parts.append(compressor.flush())
    stream = b"".join(parts)
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream
                + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"])


def zip_bomb(path: Path, inflated: int, extra: dict[str, bytes] | None = None) -> Path:
    """A zip whose one entry inflates to `inflated` bytes of zeros, written without holding them."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        with archive.open("bombe.yaml", "w", force_zip64=True) as entry:
            block = b"0" * (1024 * 1024)
            for _ in range(inflated // len(block)):
                entry.write(block)
    return path


def free_port() -> int:
    """A port of 127.0.0.1 free now, for a server that binds it seconds later (once it has started).

    Taken below the range the kernel hands out to outgoing connections: a port from that range
    (what binding port 0 gives) can meanwhile become the local end of some connection — the
    browser's, the store's — and the server then fails with « port déjà utilisé »."""
    import random
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as ports:
            lowest = int(ports.read().split()[0])
    except (OSError, ValueError, IndexError):
        lowest = 32768
    draw = random.SystemRandom()
    for _ in range(200):
        port = draw.randrange(max(1024, lowest - 12000), max(1025, lowest))
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(*options: str):
    """`delibcheck serve` in a process of its own on a free port of 127.0.0.1; its address."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port), *options],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    address = f"http://127.0.0.1:{port}"
    try:
        # The server listens once it has built its engine and started its readers: with an empty
        # rules cache on a loaded machine that alone took 21 s here. The wait ends as soon as it
        # listens; its bound is only there so that a server that never does fails the test.
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError("le serveur s'est arrêté : " + log.read().decode(errors="replace"))
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("le serveur ne répond pas")
                time.sleep(0.1)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def scanned_pdf(size: int, tile: int = 97, seed: int = 17, pages: int = 1) -> bytes:
    """A PDF with no text layer whose pages all show one grey image of noise (a tile repeated, so that
    the PDF and the image handed to Tesseract stay small): the reader gives each page to Tesseract,
    which takes seconds over each."""
    import random
    rng = random.Random(seed)
    tiles = [rng.randbytes(tile) for _ in range(tile)]
    rows = b"".join((tiles[y % tile] * (size // tile + 1))[:size] for y in range(size))
    stream = zlib.compress(rows, 6)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            b"/Resources << /XObject << /Im1 4 0 R >> >> >>")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
                b"<< /Length 31 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
                b"<< /Type /XObject /Subtype /Image /Width " + str(size).encode() + b" /Height "
                + str(size).encode() + b" /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
                *[page] * pages])
