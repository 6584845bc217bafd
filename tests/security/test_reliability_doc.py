"""docs/reliability.md stays true: every test it names exists, and every security test module is in it."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"
NAMED_TEST = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
TABLE_HEADER = "| Case | How the test tries it | Result | Test |"


def named_tests():
    """Every body row of every table (headers and separators left out), and the tests they name."""
    rows = [
        line
        for line in DOC.read_text().splitlines()
        if line.startswith("|") and line != TABLE_HEADER and not line.startswith("| ---")
    ]
    return rows, [match for row in rows for match in NAMED_TEST.findall(row)]


def cells(row):
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


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
    assert [row for row in rows if len(cells(row)) != 4 or not all(cells(row))] == [], "a row lacks a column"
    assert [row for row in rows if not NAMED_TEST.search(cells(row)[3])] == [], "a row names no test"
    assert [row for row in rows if NAMED_TEST.sub("", cells(row)[3]).strip(" ,")] == [], "not a test name"
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
