"""`delibcheck serve`: its options said in French, and the command listed without the web extra loaded."""
from __future__ import annotations

import socket

from click.testing import CliRunner

from checker.cli import main


def test_serve_is_listed_and_documented():
    result = CliRunner().invoke(main, ["--help"])
    assert "serve" in result.output
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "--jeton" in help_text


def test_a_busy_port_is_a_french_usage_error():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"écoute impossible sur 127.0.0.1:{port} (port déjà utilisé)" in result.output


def test_bad_option_values_name_the_option():
    result = CliRunner().invoke(main, ["serve", "--workers", "0"])
    assert result.exit_code == 2 and "--workers : 0 n'est pas admis" in result.output
