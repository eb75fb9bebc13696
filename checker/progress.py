"""Progress of a long batch on standard error: a bar with the count, the total, the rate and the
time left — on a terminal only; into a pipe or a file, nothing (the summary line says the end)."""
from __future__ import annotations

import time
from typing import TextIO

WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """`stream` None, or not a terminal: silent. `total` None (standard input): count and rate only."""

    def __init__(self, stream: TextIO | None, total: int | None = None, every: float = 0.2):
        self.stream = stream
        self.active = bool(stream is not None and stream.isatty())
        self.total = total
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def line(self, count: int, now: float) -> str:
        elapsed = max(now - self.start, 1e-6)
        rate = count / elapsed
        if self.total:
            done = min(count / self.total, 1.0)
            filled = int(done * WIDTH)
            left = (self.total - count) / rate if rate > 0 and count < self.total else 0
            return (f"[{'#' * filled}{'.' * (WIDTH - filled)}] {count}/{self.total} dossiers · "
                    f"{rate:.0f}/s · reste {_duration(left)}")
        return f"{count} dossiers · {rate:.0f}/s · {_duration(elapsed)}"

    def tick(self, count: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if now - self.last > self.every:
            self.stream.write("\r" + self.line(count, now) + "\x1b[K")
            self.stream.flush()
            self.last = now
            self.shown = True

    def close(self) -> None:
        if self.active and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
