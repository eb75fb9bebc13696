"""A throwaway PostgreSQL cluster for the store tests and `bench/store.py`.

Debian's PostgreSQL (`scripts/dependances-test.sh` installs it): `initdb` in a temporary directory
— as the `postgres` user when running as root, since PostgreSQL refuses to run as root —
listening on 127.0.0.1 only, on a free port, started and stopped with `pg_ctl`. Durability is
turned off (fsync, synchronous commit): the data is thrown away.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile


def _free_port() -> int:
    from web_support import free_port
    return free_port()


def _binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class Cluster:
    def __init__(self):
        self.bindir = _binaries()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL absent : installer le paquet Debian « postgresql » (scripts/dependances-test.sh)")
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            import pwd
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("utilisateur « postgres » absent : PostgreSQL ne tourne pas en root") from None
            self.prefix = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else None
            if self.prefix is None:
                raise RuntimeError("runuser absent : impossible de lancer PostgreSQL sous l'utilisateur postgres")
        self.root = tempfile.mkdtemp(prefix="delibcheck-pg-")
        self.data = os.path.join(self.root, "data")
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        os.chmod(self.root, 0o755)
        self.port = _free_port()

    def _run(self, *args, timeout=60):
        result = subprocess.run(self.prefix + list(args), capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"{os.path.basename(args[0])} a échoué : {(result.stderr or result.stdout).strip()[-400:]}")

    def start(self) -> str:
        self._run(os.path.join(self.bindir, "initdb"), "-D", self.data, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-o", options,
                  "-l", os.path.join(self.root, "journal.log"), "-w", "-t", "60", "start")
        self._watch()
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _watch(self) -> None:
        """Stop the cluster when this process ends, even killed: on a shared machine a test run
        stopped by a time limit must not leave a server behind."""
        stop = " ".join(self.prefix + [os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop"])
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                  f"{stop} >/dev/null 2>&1; rm -rf {self.root}")
        subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)

    def stop(self) -> None:
        try:
            self._run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)
