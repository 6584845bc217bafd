"""Nothing in the suite skips itself: a missing tool fails its tests loudly (issue #12)."""
import re
from pathlib import Path

import pytest

from tests.redis_server import RedisServer

TESTS = Path(__file__).resolve().parents[1]
SKIPPING = re.compile(r"pytest\.skip\(|\.skipif\(|importorskip\(|mark\.skip\b|mark\.xfail\b")


def test_no_test_skips_itself():
    offenders = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in TESTS.rglob("*.py") if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SKIPPING.search(line)
    ]
    assert offenders == []


def test_a_missing_redis_server_fails_the_test(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="redis-server is not installed"):
        RedisServer()
