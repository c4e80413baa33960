"""Writing result tables as CSV, JSON, JSON Lines or Parquet, streamed (an archive's rows never have to
fit in memory at once) and atomically (a temporary file renamed over the target).

Every row gets the same columns: ``TableShape`` learns them, and each column's type, in a first pass over
the rows, in order of first appearance; a column whose values mix kinds is written as text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from rhetlint.audit.articles import parquet_module
from rhetlint.lint.results_cache import current_umask

OUTPUT_FORMATS = ("csv", "json", "jsonl", "parquet")
SUFFIXES = {"csv": ".csv", "json": ".json", "jsonl": ".jsonl", "parquet": ".parquet"}


class TableShape:
    """The columns of a table and the kinds of value each holds."""

    def __init__(self, first: Sequence[str] = ()) -> None:
        self.kinds: dict[str, set[type]] = {name: set() for name in first}

    def add(self, row: dict[str, Any]) -> None:
        for key, value in row.items():
            kinds = self.kinds.setdefault(key, set())
            if value is not None:
                kinds.add(type(value))

    @property
    def columns(self) -> list[str]:
        return list(self.kinds)

    def arrow_type(self, column: str) -> Any:
        import pyarrow as pa

        kinds = self.kinds[column]
        if kinds == {bool}:
            return pa.bool_()
        if kinds == {int}:
            return pa.int64()
        if kinds and kinds <= {int, float}:
            return pa.float64()
        return pa.string()


def _cell(value: Any, arrow_type: Any) -> Any:
    import pyarrow as pa

    if value is None:
        return None
    if arrow_type == pa.string() and not isinstance(value, str):
        return json.dumps(value) if isinstance(value, bool) else str(value)
    if arrow_type == pa.float64():
        return float(value)
    return value


def write_table(
    path: Path, batches: Iterable[list[dict[str, Any]]], shape: TableShape, output_format: str
) -> None:
    """Write the rows of ``batches`` (one batch per partition) with the columns of ``shape``."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            if output_format == "parquet":
                _parquet(raw, batches, shape)
            else:
                with io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                    _text_table(text, batches, shape, output_format)
        os.chmod(temporary, 0o666 & ~current_umask())  # a report, not a temporary file: the usual mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _text_table(
    stream: IO[str], batches: Iterable[list[dict[str, Any]]], shape: TableShape, fmt: str
) -> None:
    columns = shape.columns
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for batch in batches:
            writer.writerows([_csv_cell(row.get(c)) for c in columns] for row in batch)
    elif fmt == "jsonl":
        for batch in batches:
            for row in batch:
                stream.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        stream.write("[")
        first = True
        for batch in batches:
            for row in batch:
                stream.write("\n" if first else ",\n")
                stream.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False))
                first = False
        stream.write("\n]\n")
    else:
        raise ValueError(f"unknown output format {fmt!r}")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _parquet(raw: IO[bytes], batches: Iterable[list[dict[str, Any]]], shape: TableShape) -> None:
    pq = parquet_module()
    import pyarrow as pa

    schema = pa.schema([(c, shape.arrow_type(c)) for c in shape.columns])
    with pq.ParquetWriter(raw, schema) as writer:
        wrote = False
        for batch in batches:
            if batch:
                columns = {
                    c: [_cell(row.get(c), schema.field(c).type) for row in batch] for c in shape.columns
                }
                writer.write_table(pa.table(columns, schema=schema))
                wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())
