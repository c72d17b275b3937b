"""Shared fixtures for the clean stage tests: the two real seed pages."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_000() -> str:
    return (FIXTURES / "000_7547b9468bdb06db.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_003() -> str:
    return (FIXTURES / "003_26d975ab3c8963bb.txt").read_text(encoding="utf-8")
