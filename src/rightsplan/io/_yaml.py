"""YAML read by the YAML 1.2 core schema, made stricter (private; needs PyYAML).

PyYAML implements YAML 1.1, whose implicit types turn plan text into other numbers:
``020`` is octal 16, ``1:05`` is base-60 65, ``yes`` is true and ``2003-11-24`` a date
object. A plan file is read instead by the 1.2 core schema's rules for plain scalars:

- null: ``~``, ``null``, ``Null``, ``NULL`` or nothing;
- booleans: ``true``/``false`` in lower case, capitalised or upper case only;
- integers: decimal digits with an optional sign, ``0o`` octal, ``0x`` hexadecimal;
- floats: as 1.2 writes them (the plan loader then refuses floats, as for TOML and JSON);
- everything else is text: ``1:05``, ``yes``, ``1_000``, ``0b11``, dates (which the plan
  loader reads strictly as ``YYYY-MM-DD``), and ``<<`` (no merge keys).

Stricter than 1.2 in two ways. A decimal integer with a leading zero (``020``) is refused:
1.2 reads it as twenty and 1.1 as sixteen, and a file written for one reader would silently
mean something else to the other; the message asks for ``20`` (or ``"020"`` for text). And a
key that appears twice in one mapping is an error naming its line, where PyYAML keeps the last.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import yaml

try:  # the C parser when PyYAML was built with it: much faster on long plans
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML wheels include it
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

__all__ = ["StrictDumper", "StrictLoader"]

_LEADING_ZERO = "tag:rightsplan,2026:leading-zero"
"""The tag the resolver gives an integer written with a leading zero, so that it is refused."""

# (tag, pattern, first characters): the YAML 1.2 core schema's plain scalars.
_CORE: tuple[tuple[str, str, str], ...] = (
    ("tag:yaml.org,2002:null", r"~|null|Null|NULL", "~nN"),
    ("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("tag:yaml.org,2002:int", r"[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    ("tag:yaml.org,2002:int", r"0o[0-7]+|0x[0-9a-fA-F]+", "0"),
    (_LEADING_ZERO, r"[-+]?0[0-9]+", "-+0"),
    (
        "tag:yaml.org,2002:float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?",
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:float", r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+."),
)


def _add_core(cls: type[_Loader] | type[yaml.SafeDumper]) -> None:
    for tag, pattern, first in _CORE:
        cls.add_implicit_resolver(tag, re.compile(f"^(?:{pattern})$"), list(first))
    cls.add_implicit_resolver("tag:yaml.org,2002:null", re.compile("^$"), [""])


class StrictLoader(_Loader):
    """PyYAML's safe loader with 1.2 core implicit types, no merge keys, no repeated keys."""

    # Start from no implicit types at all (not PyYAML's 1.1 set); _add_core adds 1.2's.
    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's own class-level registry

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        """Build a mapping, refusing a key that appears twice in it."""
        if isinstance(node, MappingNode):
            first: dict[object, Node] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, Hashable):
                    continue  # the base class says what is wrong with it
                if key in first:
                    raise ConstructorError(
                        None,
                        None,
                        f"the key {key!r} appears twice in one mapping "
                        f"(first on line {first[key].start_mark.line + 1})",
                        key_node.start_mark,
                    )
                first[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: ScalarNode) -> int:
        """An integer as written: decimal, ``0o`` octal or ``0x`` hexadecimal; nothing else."""
        text = str(self.construct_scalar(node))
        try:
            return int(text, 0)
        except ValueError:
            raise ConstructorError(
                None, None, f"{text!r} is not a YAML 1.2 integer", node.start_mark
            ) from None

    def refuse_leading_zero(self, node: ScalarNode) -> object:
        """A decimal integer written with a leading zero, which YAML readers disagree on."""
        text = str(self.construct_scalar(node))
        sign = text[0] if text[0] in "+-" else ""
        digits = text.removeprefix(sign).lstrip("0") or "0"
        raise ConstructorError(
            None,
            None,
            f"{text}: a number written with a leading zero is ambiguous (YAML 1.1 reads 020 "
            f"as octal 16, YAML 1.2 as 20); write {sign.replace('+', '')}{digits}, "
            f'or "{text}" if it is text',
            node.start_mark,
        )


_add_core(StrictLoader)
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
StrictLoader.add_constructor(_LEADING_ZERO, StrictLoader.refuse_leading_zero)


class StrictDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting text that a 1.1 or a 1.2 reader would take for another type.

    ``"0o17"`` is text to a 1.1 reader and a number to :class:`StrictLoader`, so it is quoted.
    """


_add_core(StrictDumper)

_FOLDED_BREAKS = frozenset("\x85\u2028\u2029")
"""Line breaks to YAML that Python's text does not treat as such: written plain or in a
block, a reader folds them into spaces; double-quoted, they are escapes (``\\N``)."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if _FOLDED_BREAKS.isdisjoint(text):
        return dumper.represent_str(text)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')


StrictDumper.add_representer(str, _represent_text)
