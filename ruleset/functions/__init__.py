"""The functions a rule may call. Nothing else is callable from a rule.

A function is strict unless declared lenient: if any argument is unknown, the call is unknown
and the function is not run. Lenient functions (`defaut`, `connu`) see the Unknown itself; they
are the only way a rule can give a missing fact a meaning, and that meaning must be argued in the
rule's `lecture`. A function receives a number known only as bounds (`Interval`) only if it
is declared `intervals=True`; any other is not run on one and the call is unknown (see
`ruleset.intervals`). Every module of this package is imported, so a new theme is a new file.
"""
from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from types import FunctionType
from typing import Callable


@dataclass(frozen=True)
class Helper:
    name: str
    function: Callable
    lenient: bool
    min_args: int
    max_args: int
    doc: str
    intervals: bool = False


HELPERS: dict[str, Helper] = {}


def helper(name: str, lenient: bool = False, intervals: bool = False):
    def register(function: Callable) -> Callable:
        if name in HELPERS:
            raise RuntimeError(f"function {name!r} registered twice")
        min_args, max_args = _arity(function)
        HELPERS[name] = Helper(name, function, lenient, min_args, max_args, inspect.getdoc(function) or "",
                               intervals)
        return function
    return register


def _arity(function: Callable) -> tuple[int, int]:
    """How many positional arguments `function` requires and admits."""
    plain = (type(function) is FunctionType and not hasattr(function, "__wrapped__")
             and not hasattr(function, "__signature__"))
    if plain:
        # What inspect.signature says of a plain function, read from its code: every helper is
        # registered at each start-up, and building the signatures cost a millisecond.
        count = function.__code__.co_argcount
        return count - len(function.__defaults__ or ()), count
    params = inspect.signature(function).parameters.values()
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = [p for p in positional if p.default is p.empty]
    return len(required), len(positional)


def check_date(value, name: str):
    if not isinstance(value, dt.date):
        raise TypeError(f"{name} attend une date, reçu {value!r}")


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
