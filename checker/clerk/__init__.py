"""The clerk's tools, before the meeting: convocation deadline, quorum, pre-vote check, skeleton.

None of them decides anything about the law. Each builds a deliberation record from the clerk's
facts — the very schema `delibcheck check` reads — runs the loaded rules through the engine, and
presents the rules' answer with their article and version. So the tools and `delibcheck check`
cannot disagree, and a rule added to the catalogue answers the clerk the day it lands.
"""
