"""The strict loaders of `ruleset.yaml_loader`, apart so that PyYAML is imported only when a YAML
text is read: safe constructors only, no implicit timestamps, aliases refused, duplicate keys
reported, the line of every key and item kept."""
from __future__ import annotations

import yaml

from ruleset.yaml_loader import ALIAS_PROBLEM, KEY_PROBLEM, LineDict, LineList, _DuplicateKey

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict:
    """A safe loader (LibYAML's parser when installed) without implicit timestamps, with
    duplicate-key detection and line tracking.

    Aliases are refused: neither records nor rules need them, and an alias bomb would make a
    few bytes of input expand into gigabytes once the document is walked.
    """

    def construct_document(self, node):
        _refuse_aliases(node)
        return super().construct_document(node)


class _StrictLoader(_Strict, _BASE):
    pass


class _StrictPythonLoader(_Strict, yaml.SafeLoader):
    """The pure-Python loader, for text that could nest deeper than LibYAML can compose.

    LibYAML composes nested collections by recursion in C: some 30 000 levels (`[[[…`, or
    `- - - …` in 60 kB) overflow the C stack and kill the process (SIGSEGV), where the Python
    composer stops at the recursion limit with an error that becomes an input error.
    """


# Every nested collection starts with one of these marks, so a text with fewer of them nests
# less deep than that: 10 000 levels compose safely in LibYAML (the crash comes near 30 000).
_NESTING_MARKS = "[{-?:"
_LIBYAML_SAFE_MARKS = 10_000


def loader_for(text: str):
    if _BASE is yaml.SafeLoader or sum(text.count(c) for c in _NESTING_MARKS) < _LIBYAML_SAFE_MARKS:
        return _StrictLoader
    return _StrictPythonLoader


def _refuse_aliases(root) -> None:
    # An alias is the same node object reached twice; both parsers compose it that way.
    seen: set = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, ALIAS_PROBLEM, node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


for _loader, _base in ((_StrictLoader, _BASE), (_StrictPythonLoader, yaml.SafeLoader)):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _base.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, KEY_PROBLEM, key_node.start_mark)
        if key in mapping:
            raise _DuplicateKey(key, key_node.start_mark.line + 1, mapping.lines[key])
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    items.line = node.start_mark.line + 1
    return items


for _loader in (_StrictLoader, _StrictPythonLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
