"""docs/reliability.md stays true: every test it names exists, and every security test module is in it."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"
NAMED_TEST = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def named_tests():
    rows = [line for line in DOC.read_text().splitlines() if line.startswith("|") and "tests/" in line]
    return rows, [match for row in rows for match in NAMED_TEST.findall(row)]


def functions_in(path):
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")
    }


def test_every_row_names_a_test_that_exists():
    rows, named = named_tests()
    assert len(rows) >= 30
    assert all(NAMED_TEST.search(row) for row in rows), "a row names no test"
    missing = [
        f"{module}::{name}"
        for module, name in named
        if not (ROOT / module).is_file() or name not in functions_in(ROOT / module)
    ]
    assert missing == []


def test_every_security_test_module_has_rows():
    _, named = named_tests()
    documented = {module for module, _ in named}
    modules = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests" / "security").glob("test_*.py")
        if path.name != "test_reliability_doc.py"
    }
    assert modules <= documented, modules - documented
