"""Signals and pipes, in real processes: each ends cleanly, in French, with its own exit code,
the worker processes included. Before (issue 14): a traceback on a full disk, « Aborted! » on
Ctrl-C, exit 1 (the « non conforme » code) on a closed pipe, workers left running on SIGTERM."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DELIBCHECK_CONFIG": ""}


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """Enough records that a run is still going a second after its first line."""
    path = tmp_path_factory.mktemp("flux") / "lot.jsonl"
    record = {"collectivite": {"nom": "Commune A", "population": 5000},
              "seance": {"date": "2023-12-19", "membres_en_exercice": 27, "presents": 20},
              "convocation": {"date_envoi": "2023-12-14"}, "deliberations": [{"numero": "1"}]}
    path.write_text((json.dumps(record) + "\n") * 4000, encoding="utf-8")
    return str(path)


def start(feed, *extra, stdout=subprocess.PIPE):
    # A test run started in the background (`nohup … &` without job control) ignores SIGINT, and an
    # ignored signal stays ignored in the processes it starts: the command would never see the
    # Ctrl-C sent to it. A handled signal is reset to its default in the new program.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen([sys.executable, "-m", "checker.cli", "check", feed, "--format", "jsonl", *extra],
                                stdout=stdout, stderr=subprocess.PIPE, env=ENV, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)


def children(pid: int) -> set:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def alive(pids) -> set:
    left = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    left.add(pid)
        except OSError:
            pass
    return left


def assert_clean(stderr: bytes, expected: str):
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and "Exception ignored" not in text and "Aborted" not in text, text
    assert expected in text, text


def test_a_full_disk_ends_with_code_4_and_a_french_message(feed):
    with open("/dev/full", "w") as full:
        process = start(feed, stdout=full)
        _, err = process.communicate(timeout=120)
    assert process.returncode == 4
    assert_clean(err, "plus de place sur le disque")


def test_a_closed_pipe_ends_with_code_141_not_the_non_conforme_code(feed):
    process = start(feed)
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 141
    assert_clean(err, "tube rompu")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_with_code_130_in_french(feed, jobs):
    process = start(feed, "--jobs", jobs)
    process.stdout.readline()
    workers = children(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode("utf-8", "replace")[-2000:]
    assert_clean(err, "interrompu (Ctrl-C)")
    time.sleep(0.2)
    assert alive(workers) == set()


def test_sigterm_stops_the_workers_too(feed):
    process = start(feed, "--jobs", "2")
    process.stdout.readline()
    workers = children(process.pid)
    assert len(workers) >= 2
    process.terminate()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert_clean(err, "SIGTERM")
    deadline = time.monotonic() + 5
    while alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert alive(workers) == set()
