"""`delibcheck serve`: the clerk's and the agent's web pages, and the HTTP API under `/api/v1`.

A door onto the same pipeline as the command line, never a second implementation of the law:
records are read by `checker.record` and `checker.inputs`, documents by `checker.reader`, the rules
run by the engine of `checker.engine_cache`, the clerk's questions answered by `checker.clerk`, the
reports written by `checker.reports`. What lives here is only what a web server adds: receiving
uploads safely (size, page and time limits, a temporary directory), forms, pages and HTTP codes.
"""
