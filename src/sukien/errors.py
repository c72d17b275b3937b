"""Errors with a clear message that names the input and the problem."""

from __future__ import annotations


class SukienError(Exception):
    """Base class of sukien's own errors."""


class InputError(SukienError):
    """An input that cannot be read: names the file (and line) and says what is wrong."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")
