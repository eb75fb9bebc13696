"""The closed grammar of generated rule code, checked on the re-parsed source before `compile()`.

Whatever the generator writes, only this reaches the compiler: top-level functions `f0`, `f1`…
whose parameters are `env` and `tr` (the facts read), `force`, or `env` and `out` (a plan's reader), or
`env`, `acts`, `out`, `un`, `cx` (a plan, `ruleset.compiler.plan`); assignments to generated names, `if`, `for` over a
generated name (into one or several), `break`, `continue`, `return`; calls of generated names (the bound helpers) and
of the two methods the templates use (`append` of a list being built, `merge` of an Unknown), and
the one attribute they read (`missing` of an Unknown);
subscripts by a generated name; comparisons, boolean operators, `not`, arithmetic, list, tuple
and dict displays. Identifiers are generated ones only; the only literals are True, False, None.
No string, number, import, attribute of anything else, lambda, class, global, with, try or
raise can appear, and the code runs with no built-ins at all.
"""
from __future__ import annotations

import ast
import re

IDENTIFIER = re.compile(r"(?:[adklnoptuwx]\d+|env|tr|force|out|rd|acts|un|cx)\Z")
FUNCTION = re.compile(r"f\d+\Z")
PARAMETERS = (["env", "tr"], ["env", "tr", "force"], ["env", "out"], ["env", "acts", "out", "un", "cx"])
METHODS = frozenset({"append", "merge"})
# The one attribute a template reads: the missing facts of an Unknown verdict (a plan function).
ATTRIBUTES = frozenset({"missing"})

_STATEMENTS = (ast.Assign, ast.If, ast.For, ast.Return, ast.Expr, ast.Break, ast.Continue)
_EXPRESSIONS = (ast.Name, ast.Constant, ast.Call, ast.Attribute, ast.Subscript, ast.Compare, ast.BoolOp,
                ast.UnaryOp, ast.BinOp, ast.List, ast.Tuple, ast.Dict)
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.And, ast.Or, ast.Not,
              ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn, ast.Is, ast.IsNot,
              ast.Load, ast.Store)


class GrammarError(Exception):
    """Generated code outside the closed grammar: a bug of the generator, never run."""


def check(tree: ast.Module) -> None:
    if not isinstance(tree, ast.Module) or tree.type_ignores:
        raise GrammarError("module")
    for function in tree.body:
        _function(function)


def _function(node) -> None:
    if not isinstance(node, ast.FunctionDef) or not FUNCTION.match(node.name):
        raise GrammarError("only generated functions at the top level")
    args = node.args
    if (node.decorator_list or node.returns or node.type_comment or args.posonlyargs or args.vararg
            or args.kwonlyargs or args.kwarg or args.defaults or args.kw_defaults
            or getattr(node, "type_params", None)):
        raise GrammarError("plain parameters only")
    names = [a.arg for a in args.args]
    if names not in PARAMETERS or any(a.annotation or a.type_comment for a in args.args):
        raise GrammarError("parameters")
    for statement in node.body:
        _statement(statement)


def _statement(node) -> None:
    if not isinstance(node, _STATEMENTS):
        raise GrammarError(f"statement {type(node).__name__}")
    if isinstance(node, ast.Assign):
        if len(node.targets) != 1 or node.type_comment:
            raise GrammarError("assignment")
        target = node.targets[0]
        if isinstance(target, ast.Tuple) and target.elts:
            for element in target.elts:
                _name(element)
        else:
            _name(target)
        _expression(node.value)
    elif isinstance(node, ast.If):
        _expression(node.test)
        for child in node.body + node.orelse:
            _statement(child)
    elif isinstance(node, ast.For):
        if (not isinstance(node.target, (ast.Name, ast.Tuple)) or not isinstance(node.iter, ast.Name)
                or node.orelse or node.type_comment):
            raise GrammarError("for")
        for target in node.target.elts if isinstance(node.target, ast.Tuple) else [node.target]:
            _name(target)
        _name(node.iter)
        for child in node.body:
            _statement(child)
    elif isinstance(node, ast.Return):
        if node.value is not None:
            _expression(node.value)
    elif isinstance(node, ast.Expr):
        if not isinstance(node.value, ast.Call):
            raise GrammarError("expression statement")
        _expression(node.value)


def _name(node) -> None:
    if not isinstance(node, ast.Name) or not IDENTIFIER.match(node.id):
        raise GrammarError("identifier")


def _expression(node) -> None:
    if not isinstance(node, _EXPRESSIONS):
        raise GrammarError(f"expression {type(node).__name__}")
    if isinstance(node, ast.Name):
        _name(node)
    elif isinstance(node, ast.Constant):
        if node.value not in (True, False, None) or type(node.value) not in (bool, type(None)):
            raise GrammarError("literal")
    elif isinstance(node, ast.Call):
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise GrammarError("call")
        if isinstance(node.func, ast.Attribute):
            _method(node.func)
        else:
            _name(node.func)
        for arg in node.args:
            _expression(arg)
    elif isinstance(node, ast.Attribute):
        if node.attr not in ATTRIBUTES or not isinstance(node.ctx, ast.Load):
            raise GrammarError("attribute outside a method call")
        _name(node.value)
    elif isinstance(node, ast.Subscript):
        _name(node.value)
        _name(node.slice)
    elif isinstance(node, ast.Compare):
        _operators(node.ops)
        for child in [node.left, *node.comparators]:
            _expression(child)
    elif isinstance(node, ast.BoolOp):
        _operators([node.op])
        for child in node.values:
            _expression(child)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.Not):
            raise GrammarError("unary operator")
        _expression(node.operand)
    elif isinstance(node, ast.BinOp):
        _operators([node.op])
        _expression(node.left)
        _expression(node.right)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for child in node.elts:
            if isinstance(child, ast.Starred):
                raise GrammarError("starred")
            _expression(child)
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values):
            if key is None:
                raise GrammarError("dict unpacking")
            _name(key)
            _expression(value)


def _method(node: ast.Attribute) -> None:
    if node.attr not in METHODS:
        raise GrammarError(f"method {node.attr}")
    _name(node.value)


def _operators(ops) -> None:
    for op in ops:
        if not isinstance(op, _OPERATORS):
            raise GrammarError(f"operator {type(op).__name__}")
