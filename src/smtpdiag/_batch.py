"""``smtpdiag classify``: stream reply and log lines through the classifier. Reads files or
standard input line by line and writes JSON Lines, in constant memory.

Each non-blank input line gives one JSON object: ``line`` (1-based input line number), ``file``
(only when several inputs were given), ``kind``, ``category``, ``retryable``, ``code``,
``enhanced`` and ``provider``. A count per category goes to stderr at the end, and a progress
bar while reading a file when stderr is a terminal.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from ._diagnosis import Category, Diagnosis, Severity, Stage

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

__all__ = [
    "BatchStats",
    "ChunkClassifier",
    "Classified",
    "Source",
    "classify_lines",
    "classify_one",
    "file_size",
    "format_summary",
]

#: Lines classified between two writes to the output stream.
_CHUNK = 2048
#: Distinct lines remembered; the cache is emptied when full, so memory stays bounded.
_CACHE_SIZE = 8192
#: Lines sent to a worker process at a time (``--jobs``).
_PARALLEL_CHUNK = 4096
#: Seconds between two progress-bar updates.
_PROGRESS_EVERY = 0.2


@dataclass
class BatchStats:
    """What one run saw: lines classified, per category, and how many were errors."""

    lines: int = 0
    errors: int = 0
    retryable: int = 0
    by_category: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a display name and a binary stream (``size`` in bytes when known)."""

    name: str
    stream: BinaryIO
    size: int | None = None


class _Progress:
    """A one-line progress bar on a terminal stream, redrawn at most five times a second."""

    def __init__(self, err: TextIO, total: int) -> None:
        self.err = err
        self.total = max(total, 1)
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, done: int, lines: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < _PROGRESS_EVERY:
            return
        self.last = now
        share = min(done / self.total, 1.0)
        filled = int(share * 30)
        rate = lines / max(now - self.started, 1e-6)
        bar = "#" * filled + "." * (30 - filled)
        self.err.write(f"\r[{bar}] {share:4.0%}  {lines:,} lines  {rate:,.0f} lines/s ")
        self.err.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.err.write("\r" + " " * 79 + "\r")
            self.err.flush()


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(bytes consumed so far, raw line) for each line of ``stream``."""
    done = 0
    for raw in stream:
        done += len(raw)
        yield done, raw


#: What one line gives: the JSON tail (after the line number), the category, error?, retryable?
Classified = tuple[str, str, bool, bool]


class ChunkClassifier:
    """Classifies a chunk of lines, remembering up to ``_CACHE_SIZE`` distinct lines.

    Picklable when ``classify`` is (a module-level function or a ``functools.partial`` of one),
    so worker processes can run it.
    """

    def __init__(self, classify: Callable[[str], Diagnosis]) -> None:
        self.classify = classify
        self.cache: dict[str, Classified] = {}
        # The JSON tail depends only on these fields, so it is encoded once per combination.
        self.tails: dict[tuple[object, ...], Classified] = {}

    def __getstate__(self) -> Callable[[str], Diagnosis]:
        return self.classify  # the cache stays in each process

    def __setstate__(self, classify: Callable[[str], Diagnosis]) -> None:
        self.__init__(classify)  # type: ignore[misc]

    def __call__(self, texts: list[str]) -> list[Classified]:
        encode = _ENCODE
        cache = self.cache
        tails = self.tails
        out: list[Classified] = []
        for text in texts:
            hit = cache.get(text)
            if hit is None:
                diagnosis = self.classify(text)
                reply = diagnosis.reply
                fields = (
                    diagnosis.kind,
                    diagnosis.retryable,
                    None if reply is None else reply.code,
                    None if reply is None else reply.enhanced,
                    diagnosis.provider,
                    diagnosis.severity is Severity.ERROR,
                )
                hit = tails.get(fields)
                if hit is None:
                    hit = (
                        _record_tail(diagnosis, encode),
                        diagnosis.category.value,
                        diagnosis.severity is Severity.ERROR,
                        diagnosis.retryable,
                    )
                    if len(tails) >= _CACHE_SIZE:
                        tails.clear()
                    tails[fields] = hit
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                cache[text] = hit
            out.append(hit)
        return out


def classify_one(text: str, *, stage: Stage | None = None, host: str | None = None) -> Diagnosis:
    """:func:`smtpdiag.classify` for one line (a module-level function, so it pickles)."""
    from ._classify import classify

    return classify(text, stage=stage, host=host)


class _Inline:
    """Runs the work at once in this process: the ``jobs=1`` stand-in for a process pool."""

    def submit(self, work: ChunkClassifier, texts: list[str]) -> Future[list[Classified]]:
        future: Future[list[Classified]] = Future()
        future.set_result(work(texts))
        return future

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *_: object) -> None:
        return None


def classify_lines(
    sources: Iterable[Source],
    out: TextIO,
    err: TextIO,
    classify: Callable[[str], Diagnosis],
    *,
    with_file: bool,
    progress: bool,
    jobs: int = 1,
) -> BatchStats:
    """Classify every non-blank line of ``sources``, writing one JSON object per line to ``out``.

    Lines go in chunks to a :class:`ChunkClassifier`: in this process, or with ``jobs`` above 1
    (``classify`` must then pickle) in that many worker processes. Output order and line numbers
    are kept, and memory stays bounded: at most ``2 * jobs`` chunks are in flight.
    """
    from concurrent.futures import ProcessPoolExecutor

    stats = BatchStats()
    work = ChunkClassifier(classify)
    window: deque[tuple[Future[list[Classified]], list[int], str]] = deque()

    def drain(keep: int) -> None:
        while len(window) > keep:
            future, numbers, name = window.popleft()
            prefix = f'{{"file":{_ENCODE(name)},"line":' if with_file else '{"line":'
            rows = []
            for number, (tail, category, is_error, retryable) in zip(
                numbers, future.result(), strict=True
            ):
                rows.append(f"{prefix}{number},{tail}")
                stats.by_category[category] += 1
                stats.errors += is_error
                stats.retryable += retryable
            stats.lines += len(rows)
            out.write("\n".join(rows) + "\n")

    chunk = _PARALLEL_CHUNK if jobs > 1 else _CHUNK
    with ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else _Inline() as pool:
        for source in sources:
            bar = _Progress(err, source.size) if progress and source.size else None
            texts: list[str] = []
            numbers: list[int] = []
            done = 0
            try:
                for number, (done, raw) in enumerate(_lines(source.stream), 1):
                    text = raw.decode("utf-8", "replace").strip()
                    if not text:
                        continue
                    texts.append(text)
                    numbers.append(number)
                    if len(texts) >= chunk:
                        window.append((pool.submit(work, texts), numbers, source.name))
                        texts, numbers = [], []
                        drain(2 * jobs - 1)
                        if bar is not None:
                            bar.update(done, stats.lines)
                if texts:
                    window.append((pool.submit(work, texts), numbers, source.name))
                drain(0)
                if bar is not None:
                    bar.update(done, stats.lines, force=True)
            finally:
                if bar is not None:
                    bar.close()
    out.flush()
    return stats


def _record_tail(diagnosis: Diagnosis, encode: Callable[[object], str]) -> str:
    reply = diagnosis.reply
    record = {
        "kind": diagnosis.kind,
        "category": diagnosis.category.value,
        "retryable": diagnosis.retryable,
        "code": None if reply is None else reply.code,
        "enhanced": None if reply is None else reply.enhanced,
        "provider": diagnosis.provider,
    }
    return encode(record)[1:]


def format_summary(stats: BatchStats, elapsed: float) -> str:
    """The table by category that ends a run (in catalogue order, empty categories left out)."""
    rows = [(c.value, stats.by_category[c.value]) for c in Category if stats.by_category[c.value]]
    width = max([len("category"), *(len(name) for name, _ in rows)])
    total = max(stats.lines, 1)
    lines = [f"{'category':<{width}}  {'lines':>11}  {'share':>6}"]
    for name, count in rows:
        lines.append(f"{name:<{width}}  {count:>11,}  {count / total:>6.1%}")
    lines.append(f"{'total':<{width}}  {stats.lines:>11,}")
    rate = stats.lines / elapsed if elapsed > 0 else 0.0
    lines.append(
        f"{stats.errors:,} error(s), {stats.retryable:,} retryable; "
        f"{elapsed:.1f} s, {rate:,.0f} lines/s"
    )
    return "\n".join(lines)


def file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file behind ``stream``, or None (pipes, terminals)."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None
