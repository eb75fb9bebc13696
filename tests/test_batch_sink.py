"""A batch's JSON Lines travel from the workers as UTF-8 bytes and go to the stream's byte buffer
(`checker.batch._Sink`): the report is the same text, in the same order, as if every line had been
written as text, whatever the stream, the mix of text and bytes, and the number of workers."""
from __future__ import annotations

import io
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batch import Options, _Sink, run_batch
from checker.reports import writer_for

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

# Text as a report holds it: accents, « », the dash, an emoji, a newline inside a fragment.
TEXT = st.text(alphabet=st.sampled_from(list("abc é«»—😀\n{}:,\"")), max_size=30)


def _written(stream, fragments: list) -> None:
    stream.write("en-tête\n")
    sink = _Sink(stream)
    for text, as_bytes in fragments:
        sink.write(text.encode("utf-8") if as_bytes else text)
    sink.close()
    stream.write("fin\n")
    stream.flush()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXT, st.booleans()), max_size=12))
def test_text_and_bytes_fragments_give_the_text_in_order_on_any_stream(fragments):
    expected = "en-tête\n" + "".join(text for text, _ in fragments) + "fin\n"
    buffer = io.BytesIO()
    utf8 = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=False)
    _written(utf8, fragments)
    assert buffer.getvalue().decode("utf-8") == expected
    text = io.StringIO()
    _written(text, fragments)
    assert text.getvalue() == expected


def test_a_stream_in_another_encoding_gets_text_not_utf8_bytes():
    buffer = io.BytesIO()
    latin = io.TextIOWrapper(buffer, encoding="latin-1", newline="\n")
    sink = _Sink(latin)
    assert sink.raw is None
    sink.write("é".encode("utf-8"))
    sink.write("«")
    latin.flush()
    assert buffer.getvalue() == "é«".encode("latin-1")


def test_a_utf8_stream_gets_the_bytes_in_its_buffer():
    buffer = io.BytesIO()
    sink = _Sink(io.TextIOWrapper(buffer, encoding="UTF8", newline="\n"))
    assert sink.raw is not None


class _Counted(io.BytesIO):
    """A byte stream that counts the writes it is given (each, on a file, a system call)."""

    def __init__(self):
        super().__init__()
        self.writes = 0

    def write(self, data) -> int:
        self.writes += 1
        return super().write(data)


def test_lines_are_gathered_into_few_writes_and_all_written_on_close():
    raw = _Counted()
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n", write_through=True)
    stream.write("en-tête\n")
    sink = _Sink(stream)
    lines = [("ligne %d é " % n + "x" * 10_000 + "\n").encode("utf-8") for n in range(100)]
    for line in lines:
        sink.write(line)
    written = raw.writes
    sink.close()
    assert raw.getvalue() == "en-tête\n".encode("utf-8") + b"".join(lines)
    # A hundred lines of 10 kB, in some four writes of 256 kB (and the header's), not a hundred.
    assert raw.writes <= 10
    assert written < raw.writes


def test_lines_gathered_when_the_batch_stops_are_still_written():
    raw = _Counted()
    sink = _Sink(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"))
    sink.write(b"une ligne\n")
    assert raw.getvalue() == b""
    sink.abandon()
    assert raw.getvalue() == b"une ligne\n"


def _batch_file(tmp_path, count: int, seed: int):
    path = tmp_path / f"lot-{seed}.jsonl"
    lines = list(generate.lines(count, seed=seed))
    # A broken line among them: its error result is written as text between the bytes.
    path.write_text("\n".join(lines[:3] + ["{pas du json"] + lines[3:]) + "\n", encoding="utf-8")
    return path


def _reference(path) -> str:
    """Every line written as text by the writer's `fragment`, one process."""
    from checker.batch import _Referentiel, _init, _STATE
    from checker.inputs import iter_sources, load_source
    from checker.joins import apply_joins
    from checker.results import LeanResult, Result

    options = Options(fmt="jsonl", preuves="resumees")
    _init(options)
    engine = _STATE["engine"]
    writer = writer_for("jsonl")
    items = [load_source(source, index) for index, source in enumerate(iter_sources([str(path)], "auto"))]
    records = [item.record for item in items if item.record is not None]
    _Referentiel(engine)(records)
    apply_joins(records)
    out = []
    for item in items:
        if item.record is None:
            out.append(writer.fragment(Result(item.fichier, error=item.error, ligne=item.line)))
        else:
            out.append(writer.fragment(LeanResult(item.fichier, item.record, engine, engine.evaluate(item.record),
                                                  item.line, None, _Referentiel.annotate)))
    return "".join(out)


def test_a_generated_batch_reads_the_same_through_bytes_as_written_as_text(tmp_path):
    path = _batch_file(tmp_path, 40, seed=5)
    expected = _reference(path)
    assert "erreur" in expected and not expected.isascii()
    options = Options(fmt="jsonl", preuves="resumees")
    for jobs in (1, 2):
        target = tmp_path / f"sortie-{jobs}.jsonl"
        with open(target, "w", encoding="utf-8", newline="\n") as out:
            run_batch([str(path)], options, out, io.StringIO(), jobs=jobs)
        assert target.read_text(encoding="utf-8") == expected, jobs
    text = io.StringIO()
    run_batch([str(path)], options, text, io.StringIO())
    assert text.getvalue() == expected


def test_each_chunk_s_lines_are_written_once_its_last_outcome_is_taken(tmp_path):
    # The lines gathered are written at the end of each chunk, before the next one is waited
    # for: a reader downstream gets a chunk's lines as soon as before they were gathered.
    from checker.batch import CHUNK, _chunks, _outcomes
    from checker.inputs import iter_sources

    path = _batch_file(tmp_path, CHUNK + 40, seed=3)
    options = Options(fmt="jsonl", preuves="resumees")
    for jobs in (1, 2):
        taken: list = []
        ends: list = []
        chunks = _chunks(iter_sources([str(path)], "auto"), CHUNK)
        for outcome in _outcomes(chunks, options, jobs, after_chunk=lambda: ends.append(len(taken))):
            assert len(ends) == len(taken) // CHUNK
            taken.append(outcome)
        assert ends == [CHUNK, CHUNK + 41], jobs
