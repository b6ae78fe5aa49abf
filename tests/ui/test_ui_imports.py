"""The GUI's own import graph: no cycles, one module that builds the window, and only the core's front door.

Imports are read from the source, so those under TYPE_CHECKING and inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
# Preferences are shared with the command line (factcheck.preferences), so the window reads them there too.
CORE_ALLOWED = {"factcheck.store", "factcheck.records", "factcheck.ops", "factcheck.errors", "factcheck.preferences"}
# The window starts on the quick reads (ui.starting_store), before the store is loaded: that module alone reads them.
QUICK_START = {("ui.starting_store", "factcheck.quick_reads")}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


MODULES = {module_name(p): p for p in sorted(UI.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    """Every module named by an import statement anywhere in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from ui import theme` imports the module ui.theme; `from ui.theme import label`, ui.theme
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            modules = {name for name in submodules if is_module(name)}
            found.update(modules if modules == submodules else modules | {node.module})
    return found


GRAPH = {name: {m for m in imports_of(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path of module names, or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once fully explored
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_the_checker_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_ui_modules_import_each_other_without_a_cycle() -> None:
    assert "ui.main_window" in GRAPH and "ui.import_flow" in GRAPH  # the graph really was read
    assert find_cycle(GRAPH) is None


def test_only_the_app_imports_the_main_window() -> None:
    assert {name for name, targets in GRAPH.items() if "ui.main_window" in targets} == {"ui.app"}


def test_the_ui_reaches_the_core_only_through_its_front_door() -> None:
    reached = {(name, m) for name, path in MODULES.items() for m in imports_of(path)
               if m == "factcheck" or m.startswith("factcheck.")}
    assert {(name, m) for name, m in reached if m not in CORE_ALLOWED} == QUICK_START
