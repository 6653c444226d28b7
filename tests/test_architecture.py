"""The package's shape, read from its source: no import cycle, no private name imported across modules,
no module over 500 lines without a reason at its top, no work at import time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "frontline"
MAX_LINES = 500
# A long module says why in its docstring, in a line that begins with this.
LONG_REASON = "Why one module:"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in the file, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((a.name, [], node.lineno) for a in node.names)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        for target, names, _ in imports(path, name):
            for candidate in [f"{target}.{n}" for n in names] + [target]:
                if candidate in mods and candidate != name:
                    edges[name].add(candidate)
                    break
    return edges


def test_no_import_cycle_between_modules() -> None:
    """Function-level imports count too: a cycle hidden inside a function is still a cycle.
    A package's ``__init__`` re-exporting its own modules is not a cycle of the code."""
    edges = graph()

    def own_init(a: str, b: str) -> bool:
        return b.startswith(a + ".") or a.startswith(b + ".")

    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if own_init(node, nxt):
                continue
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt) :] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def private_imports(paths: list[Path], own: dict[str, Path]) -> list[str]:
    found = []
    for path in paths:
        name = module_name(path) if path.is_relative_to(PACKAGE) else path.stem
        for target, names, line in imports(path, name):
            if not target.startswith("frontline"):
                continue
            for imported in names:
                if imported.startswith("_") and not imported.startswith("__") and target != name:
                    found.append(f"{path.relative_to(ROOT)}:{line} {target}.{imported}")
    return found


def test_no_private_name_imported_across_modules() -> None:
    mods = modules()
    assert private_imports(list(mods.values()), mods) == []


@pytest.mark.parametrize("folder", ["tests", "bench", "scripts"])
def test_tests_bench_and_scripts_import_no_private_name(folder: str) -> None:
    paths = sorted((ROOT / folder).rglob("*.py"))
    assert private_imports(paths, modules()) == []


def test_long_modules_say_why() -> None:
    long = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_LINES:
            doc = ast.get_docstring(ast.parse(source)) or ""
            if not any(line.startswith(LONG_REASON) for line in doc.splitlines()):
                long.append(f"{name} ({source.count(chr(10))} lines)")
    assert long == []


def test_importing_every_module_loads_no_model_and_no_heavy_library() -> None:
    """Import-time work would make `import frontline` slow and order-dependent (spaCy's lesson)."""
    code = (
        "import importlib, pkgutil, sys, frontline\n"
        "for m in pkgutil.walk_packages(frontline.__path__, 'frontline.'):\n"
        "    if '.training' not in m.name and not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "heavy = sorted(n for n in ('spacy', 'sklearn', 'trafilatura', 'dateparser', 'torch') if n in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_runtime_packages_never_import_training_code() -> None:
    """Training code and corpus readers stay out of extraction; only ``frontline train`` reaches them."""
    edges = graph()
    runtime = [m for m in edges if not m.startswith(("frontline.training", "frontline.cli.train"))]
    assert [m for m in runtime if any(t.startswith("frontline.training") for t in edges[m])] == []


def test_package_layers_point_one_way() -> None:
    """records <- geo <- text <- events <- pipeline <- service <- cli: a lower layer never imports a higher one."""
    order = ["frontline.paths", "frontline.records", "frontline.geo", "frontline.text", "frontline.events",
             "frontline.store", "frontline.export", "frontline.corpus", "frontline.pipeline", "frontline.runners", "frontline.service",
             "frontline.cli"]

    def layer(module: str) -> int | None:
        found = [i for i, prefix in enumerate(order) if module == prefix or module.startswith(prefix + ".")]
        return found[0] if found else None

    upward = []
    for module, targets in graph().items():
        here = layer(module)
        for target in targets:
            there = layer(target)
            if here is not None and there is not None and there > here:
                upward.append(f"{module} -> {target}")
    assert upward == []
