"""Reading an archive: a folder of drafts, or a JSONL, JSON, CSV or Parquet table of articles.

Every input becomes a stream of ``Article`` records (id, text, metadata) in a fixed order, so the same
input always falls into the same partitions and a rerun can skip the finished ones. A record that cannot
be used (no text, text that is not a string) is still an ``Article``, carrying the problem in ``error``,
so it is reported in the results instead of stopping the run.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rhetlint.lint.files import InputError, discover, read_draft

TABLE_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
INPUT_FORMATS = ("folder", "jsonl", "json", "csv", "parquet")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str = ""  # why this record cannot be measured (it is reported, not linted)
    format: str = "text"  # the parser to read ``text`` with: text, markdown or html


@dataclass(frozen=True)
class Columns:
    """Which fields of a record hold the id, the text and the metadata.

    ``metadata`` maps an output name to a field; a field may be a dotted path into nested objects
    (``labels.outlet``). Empty ``metadata`` keeps every other top-level scalar field under its own name.
    """

    id: str = "id"
    text: str = "text"
    metadata: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, id: str, text: str, metadata: Sequence[str]) -> Columns:
        pairs = []
        for spec in metadata:
            name, _, source = spec.partition("=")
            name, source = name.strip(), (source or name).strip()
            if not name or not source:
                raise ValueError(f"metadata column {spec!r} must be NAME or NAME=FIELD")
            pairs.append((name, source))
        return cls(id, text, tuple(pairs))


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "folder"
    found = TABLE_FORMATS.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(TABLE_FORMATS))
        raise InputError(
            f"cannot tell the format from the suffix (expected a folder or {known}); use --input-format"
        )
    return found


def _lookup(record: Mapping[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _scalar(value: Any) -> Any:
    """Metadata values are kept as strings, numbers or booleans; anything else is written as JSON."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def article_from_record(record: Any, columns: Columns, position: str) -> Article:
    """One table row or JSON object as an article; ``position`` names it when it has no id."""
    if not isinstance(record, Mapping):
        return Article(position, "", {}, f"{position}: expected an object, got {type(record).__name__}")
    raw_id = _lookup(record, columns.id)
    article_id = str(raw_id) if raw_id not in (None, "") else position
    if columns.metadata:
        metadata = {name: _scalar(_lookup(record, source)) for name, source in columns.metadata}
    else:
        metadata = {
            key: value
            for key, value in record.items()
            if key not in (columns.id, columns.text)
            and (value is None or isinstance(value, (str, int, float, bool)))
        }
    text = _lookup(record, columns.text)
    if text is None or (isinstance(text, str) and not text.strip()):
        return Article(article_id, "", metadata, f"no text (field {columns.text!r} is missing or empty)")
    if not isinstance(text, str):
        return Article(
            article_id,
            "",
            metadata,
            f"the text field {columns.text!r} is {type(text).__name__}, not a string",
        )
    return Article(article_id, text, metadata)


def read_articles(
    path: Path, input_format: str, columns: Columns, max_megabytes: float = 20.0
) -> Iterator[Article]:
    """The articles of ``path`` in order; raises InputError when the input as a whole cannot be read. A
    text over ``max_megabytes`` (the configuration's max-file-size) is an error row, as an oversized draft
    is for ``check``."""
    limit = max_megabytes * 1_000_000
    for article in _read(path, input_format, columns, max_megabytes):
        if len(article.text) * 4 > limit:  # at most 4 UTF-8 bytes a character: count the bytes only then
            size = len(article.text.encode("utf-8", "surrogatepass")) / 1_000_000
            if size > max_megabytes:
                message = (
                    f"text is {size:.3g} MB, over the max-file-size of {max_megabytes:g} MB; not measured"
                )
                article = Article(article.id, "", article.metadata, message)
        yield article


def _read(path: Path, input_format: str, columns: Columns, max_megabytes: float) -> Iterator[Article]:
    try:
        if input_format == "folder":
            yield from _folder(path, max_megabytes)
        elif input_format == "jsonl":
            yield from _jsonl(path, columns)
        elif input_format == "json":
            yield from _json(path, columns)
        elif input_format == "csv":
            yield from _csv(path, columns)
        elif input_format == "parquet":
            yield from _parquet(path, columns)
        else:
            raise InputError(
                f"unknown input format {input_format!r} (expected one of {', '.join(INPUT_FORMATS)})"
            )
    except FileNotFoundError:
        raise InputError("no such file or folder") from None
    except IsADirectoryError:
        raise InputError(f"is a folder, not a {input_format} file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _folder(path: Path, max_megabytes: float) -> Iterator[Article]:
    from rhetlint.lint.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
    from rhetlint.parsers import guess_format

    for found, problem in discover([str(path)], DEFAULT_INCLUDE, DEFAULT_EXCLUDE, path):
        try:
            relative = Path(found).relative_to(path).as_posix()
        except ValueError:
            relative = found
        folder = str(Path(relative).parent)
        metadata = {"folder": "" if folder == "." else folder}
        if problem is not None:  # a folder that cannot be listed
            yield Article(relative, "", metadata, problem)
            continue
        try:
            text = read_draft(found, max_megabytes)
        except InputError as exc:
            yield Article(relative, "", metadata, str(exc))
            continue
        yield Article(relative, text, metadata, format=guess_format(found))


def _jsonl(path: Path, columns: Columns) -> Iterator[Article]:
    with path.open(encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"line {number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                message = getattr(exc, "msg", "nested too deeply")
                yield Article(where, "", {}, f"{where}: invalid JSON: {message}")
                continue
            yield article_from_record(record, columns, where)


def _json(path: Path, columns: Columns) -> Iterator[Article]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        raise InputError("expected a JSON array of articles (or an object with an 'articles' array)")
    for number, record in enumerate(data, start=1):
        yield article_from_record(record, columns, f"item {number}")


def _csv(path: Path, columns: Columns) -> Iterator[Article]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts are longer than the 128 kB default
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            return
        if columns.text not in reader.fieldnames:
            raise InputError(
                f"no column {columns.text!r} for the text (columns: {', '.join(reader.fieldnames)})"
            )
        for number, row in enumerate(reader, start=2):
            record = {key: value for key, value in row.items() if key is not None}
            yield article_from_record(record, columns, f"row {number}")


def _parquet(path: Path, columns: Columns) -> Iterator[Article]:
    pq = parquet_module()
    try:
        table = pq.ParquetFile(path)
    except OSError as exc:
        raise InputError(f"cannot read Parquet: {exc}") from None
    number = 0
    for batch in table.iter_batches(batch_size=1000):
        for record in batch.to_pylist():
            number += 1
            yield article_from_record(record, columns, f"row {number}")


def parquet_module() -> Any:
    """pyarrow.parquet, or an InputError saying to install the audit extra."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'rhetlint[audit]'") from None
    return pq


def input_stamp(path: Path) -> dict[str, Any]:
    """What identifies an input for resuming: its path, size and modification time (a folder: the newest)."""
    stat = path.stat()
    newest = stat.st_mtime_ns
    size = stat.st_size
    if path.is_dir():
        for root, _dirs, files in os.walk(path):
            for name in files:
                try:
                    file_stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                newest = max(newest, file_stat.st_mtime_ns)
                size += file_stat.st_size
    return {"path": str(path.resolve()), "size": size, "mtime_ns": newest}
