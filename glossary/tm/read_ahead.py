"""A large TMX file read in a second process while the first writes to the database.

Reading a TMX file (XML parsing, each sentence's search tokens and hash, the rows) costs
about as much as writing it; on a machine with two cores or more, a file of
:data:`READ_AHEAD_BYTES` or more is read by a child process (``python -m
glossary.tm.read_ahead``) that writes the prepared chunks to its standard output (plain
tuples, pickled), a chunk or so ahead of the writer. Nothing is written to the database
by the child: the import stays one transaction of the parent's, and a bad file still
raises the reader's ParseError (file, line, element) in the parent, before the commit.
The child stops when the parent stops reading (a closed pipe) or is killed.
"""

from __future__ import annotations

import gc
import os
import pickle
import struct
import subprocess
import sys
import traceback
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any

from glossary.errors import GlossaryError, ParseError
from glossary.tm.importing import Chunk, prepared_chunks

#: Files from this size on are read by a second process (about 100,000 units).
READ_AHEAD_BYTES = 32 * 1024 * 1024
_LENGTH = struct.Struct("<Q")


def worthwhile(path: Path) -> bool:
    """Whether reading ``path`` in a second process is likely to pay."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size >= READ_AHEAD_BYTES and (os.cpu_count() or 1) > 1


def _send(out: IO[bytes], item: Any) -> None:
    data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(data)))
    out.write(data)


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _child(path: str, name: str) -> None:
    """Send each prepared chunk, then ``None``; or what went wrong."""
    gc.disable()  # as in bulk_work: millions of short-lived objects, no cycles
    out = sys.stdout.buffer
    try:
        with open(path, "rb") as stream:
            for chunk in prepared_chunks(stream, name):
                _send(out, chunk)
                gc.collect(1)
        _send(out, None)
    except ParseError as exc:
        _send(out, ("parse", exc.path, exc.line, exc.reason, exc.field))
    except Exception as exc:  # handed to the parent, which raises it
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        _send(out, ("error", detail))
    out.flush()


def read_ahead(path: Path, name: str, stream: IO[bytes]) -> Generator[Chunk, None, None]:
    """The prepared chunks of the TMX file at ``path``, read by a child process; if that
    process cannot start or stops before its first chunk, read here from ``stream``
    (the same file, not read yet)."""
    env = dict(os.environ)
    # The child imports the same glossary as this process, wherever it was found.
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "glossary.tm.read_ahead", str(path), name],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            env=env,
        )
    except OSError:  # no interpreter to start here
        yield from prepared_chunks(stream, name)
        return
    assert child.stdout is not None
    started = False
    try:
        while True:
            try:
                item = _receive(child.stdout)
            except EOFError:
                if started:
                    raise GlossaryError(f"{name}: the reading process stopped") from None
                break
            started = True
            if item is None:
                return
            if isinstance(item[0], str):
                if item[0] == "parse":
                    raise ParseError(item[1], item[2], item[3], item[4])
                raise GlossaryError(f"{name}: cannot be read: {item[1]}")
            yield item
    finally:
        _stop(child)
    # Nothing came from the child (it could not start here): nothing is lost by reading
    # the file in this process.
    yield from prepared_chunks(stream, name)


def _stop(child: subprocess.Popen[bytes]) -> None:
    assert child.stdout is not None
    child.stdout.close()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


if __name__ == "__main__":
    try:
        _child(sys.argv[1], sys.argv[2])
    except BrokenPipeError:  # the parent stopped reading: nothing to say
        os._exit(0)
