"""The texts of checked files that the report needs (context lines, fingerprints, fix regions), kept small.

A run over thousands of files would otherwise hold every text with a finding until the report is written,
so its memory would grow with the archive. A file's text is kept as its path and a digest, and read again
when the report asks for it; the last few texts read are held, as the report reads one file's findings in
a row. A text that cannot be read back unchanged (the file was edited or removed meanwhile) is given as an
empty text, so no context line is ever taken from a different version of the file. Texts that cannot be
read again (standard input) are kept whole.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping

from rhetlint.lint.files import InputError, read_draft

# How many texts read back are held at once.
RECENT = 4


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class KeptSources(Mapping[str, str]):
    """path -> text of the checked files, most of them kept as a digest and read again on demand."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[bytes, float]] = {}  # path -> (digest, max_file_size)
        self._texts: dict[str, str] = {}  # texts kept whole
        self._recent: OrderedDict[str, str] = OrderedDict()

    def keep_file(self, path: str, text: str, max_file_size: float) -> None:
        """Keep the text of the file at ``path`` (read with ``max_file_size``) by its digest."""
        self._texts.pop(path, None)
        self._files[path] = (digest(text), max_file_size)

    def keep_text(self, path: str, text: str) -> None:
        """Keep a text that cannot be read again (standard input) whole."""
        self._files.pop(path, None)
        self._texts[path] = text

    def update_from(self, other: KeptSources) -> None:
        for path, text in other._texts.items():
            self.keep_text(path, text)
        for path, kept in other._files.items():
            self._texts.pop(path, None)
            self._files[path] = kept

    def __getitem__(self, path: str) -> str:
        if path in self._texts:
            return self._texts[path]
        if path not in self._files:
            raise KeyError(path)
        text = self._recent.get(path)
        if text is None:
            expected, max_file_size = self._files[path]
            try:
                text = read_draft(path, max_file_size)
            except InputError:
                text = ""
            if digest(text) != expected:
                text = ""
            self._recent[path] = text
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(path)
        return text

    def __contains__(self, path: object) -> bool:
        return path in self._texts or path in self._files

    def __iter__(self) -> Iterator[str]:
        yield from self._texts
        yield from (p for p in self._files if p not in self._texts)

    def __len__(self) -> int:
        return len(self._texts) + sum(1 for p in self._files if p not in self._texts)

    def __getstate__(self) -> dict[str, object]:  # sent back from worker processes without the recent texts
        return {"_files": self._files, "_texts": self._texts}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._recent = OrderedDict()
