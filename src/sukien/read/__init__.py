"""Readers: one module per input format, each yielding `Article`s.

`read_paths` walks files, folders and globs, picks the reader by file name, and reports every
unreadable file or line to `on_error` without stopping the batch.
"""

from sukien.read.paths import iter_files, read_file, read_paths

__all__ = ["iter_files", "read_file", "read_paths"]
