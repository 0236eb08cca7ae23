"""The heavy analysers in one process of their own, shared by the web server's workers.

Kiwi (Korean) and MeCab through fugashi (Japanese) take about 550 MB once they have
read a sentence. ``glossary serve`` runs several worker processes; instead of each
loading its own copy for the check's unknown-name rule, the server starts this process
before forking them (:func:`start`), and every worker's :class:`SharedMiner` sends it
a text and a language and gets the mentions back. English is mined in the worker
itself: its miner is small and fast.

The process listens on a Unix socket in a folder only this user can open, and every
connection must prove it knows a random key (multiprocessing's HMAC handshake) before
anything it sends is read. It stops with the server, and on its own when the server
is gone (its parent process changes). If it dies, workers fall back to mining in
their own process and say so in the log once: the check stays right, at the cost of
the memory this module saves.

Run as ``python -m glossary.mining.service SOCKET [LANG ...]`` by :func:`start` only.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Client, Connection, Listener
from typing import Any

from glossary.errors import GlossaryError
from glossary.mining.mention import Mention

log = logging.getLogger(__name__)

#: The languages whose analysers are worth a process of their own.
SHARED_LANGUAGES: tuple[str, ...] = ("ko", "ja")

#: One short text a language, naming a person and a place, that makes each analyser
#: load and initialise its model (Kiwi builds most of its state on the first text).
WARM_UP_TEXTS = {
    "en": "The minister met Kim Min-jun in Busan.\n",
    "ko": "장관은 부산에서 김민준 연구원을 만났다.\n",
    "ja": "大臣は大阪で山田太郎氏と会った。\n",
}

#: How long :func:`start` waits for the analysers to load (Kiwi's model takes a few
#: seconds on an idle machine, much longer on a loaded one).
START_TIMEOUT = 600.0


@dataclass(frozen=True)
class Address:
    """Where the shared analysers listen, and the key a connection must know."""

    path: str
    key: bytes = field(repr=False)


def _mine(text: str, lang: str) -> list[Mention]:
    from glossary.mining import mine_mentions

    return mine_mentions(text, lang)


class SharedMiner:
    """Mentions of a text: from the shared process for its languages, from this
    process's own miner for the others. Callable like :func:`glossary.mining.mine_mentions`
    with a language; safe to call from several threads (each has its own connection)
    and in processes forked after it was made (each reconnects)."""

    def __init__(self, address: Address, languages: tuple[str, ...] = SHARED_LANGUAGES) -> None:
        self.address = address
        self.languages = languages
        self._local = threading.local()
        self._gone = False

    def __call__(self, text: str, lang: str) -> list[Mention]:
        if lang not in self.languages or self._gone:
            return _mine(text, lang)
        for _attempt in range(2):  # a connection the process dropped: one new one
            conn = self._connection()
            if conn is None:
                break
            try:
                conn.send((lang, text))
                status, value = conn.recv()
            except (OSError, EOFError):
                self.close()
                continue
            if status == "ok":
                mentions: list[Mention] = value
                return mentions
            raise GlossaryError(str(value))
        self._gone = True
        log.warning(
            "the shared analysers' process is not answering: this worker loads its own "
            "Korean and Japanese analysers from now on (about 550 MB more memory)"
        )
        return _mine(text, lang)

    def _connection(self) -> Connection | None:
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            conn: Connection = held[1]
            return conn
        try:
            conn = Client(self.address.path, family="AF_UNIX", authkey=self.address.key)
        except (OSError, EOFError):
            return None
        self._local.held = (os.getpid(), conn)
        return conn

    def close(self) -> None:
        """Close this thread's connection (a forked process's copy is left alone)."""
        held = getattr(self._local, "held", None)
        self._local.held = None
        if held is not None and held[0] == os.getpid():
            held[1].close()


class MinerProcess:
    """The running process of shared analysers; :meth:`stop` ends it."""

    def __init__(
        self, proc: subprocess.Popen[bytes], address: Address, folder: str, languages: list[str]
    ) -> None:
        self.proc = proc
        self.address = address
        self.languages = tuple(languages)
        self._folder = folder

    @property
    def pid(self) -> int:
        return self.proc.pid

    def client(self) -> SharedMiner:
        return SharedMiner(self.address, self.languages)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self._folder, ignore_errors=True)


def start(
    languages: tuple[str, ...] = SHARED_LANGUAGES, timeout: float = START_TIMEOUT
) -> MinerProcess:
    """Start the shared analysers for ``languages`` and wait until they are loaded.
    A language whose analyser is not installed is left out (its texts are then mined
    where they are asked for, which fails the way it fails without this process)."""
    folder = tempfile.mkdtemp(prefix="glossary-analysers-")  # readable by this user only
    address = Address(os.path.join(folder, "socket"), secrets.token_bytes(32))
    proc = subprocess.Popen(
        [sys.executable, "-m", "glossary.mining.service", address.path, *languages],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    # The key goes through a pipe, not the command line, which every user can read.
    proc.stdin.write(address.key.hex().encode("ascii") + b"\n")
    proc.stdin.close()
    ready: list[bytes] = []
    reader = threading.Thread(target=lambda: ready.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    words = ready[0].decode("ascii", "replace").split() if ready else []
    if not words or words[0] != "ready":
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        shutil.rmtree(folder, ignore_errors=True)
        raise GlossaryError(
            "the Korean and Japanese analysers could not be started for the web server "
            f"(exit status {proc.returncode}); see the messages above"
        )
    proc.stdout.close()
    return MinerProcess(proc, address, folder, words[1:])


def _answer(conn: Connection, locks: dict[str, threading.Lock]) -> None:
    """Answer one connection's requests until it closes."""
    with conn:
        while True:
            try:
                request: Any = conn.recv()
            except (EOFError, OSError):
                return
            try:
                lang, text = request
                if lang not in locks or not isinstance(text, str):
                    raise GlossaryError(f"the shared analysers do not mine {lang!r}")
                with locks[lang]:  # one text at a time per analyser: they keep state
                    answer: tuple[str, Any] = ("ok", _mine(text, lang))
            except GlossaryError as exc:
                answer = ("error", str(exc))
            except Exception as exc:  # keep serving the other texts; say what failed
                log.exception("the shared analysers failed on a text")
                answer = ("error", f"the analyser failed on this text ({exc})")
            try:
                conn.send(answer)
            except OSError:
                return


def _accept(listener: Listener, locks: dict[str, threading.Lock]) -> None:
    while True:
        try:
            conn = listener.accept()
        except OSError:  # the listener was closed: the process is stopping
            return
        except Exception:  # a connection that did not know the key
            log.warning("a connection to the shared analysers was refused")
            continue
        threading.Thread(target=_answer, args=(conn, locks), daemon=True).start()


def _warm(lang: str) -> bool:
    try:
        _mine(WARM_UP_TEXTS[lang], lang)
    except ImportError:  # the language's extra is not installed
        return False
    return True


def main(argv: list[str]) -> int:
    path, languages = argv[0], argv[1:]
    key = bytes.fromhex(sys.stdin.readline().strip())
    parent = os.getppid()
    warmed = [lang for lang in languages if lang in WARM_UP_TEXTS and _warm(lang)]
    locks = {lang: threading.Lock() for lang in warmed}
    listener = Listener(path, family="AF_UNIX", authkey=key)
    threading.Thread(target=_accept, args=(listener, locks), daemon=True).start()
    print("ready", *warmed, flush=True)
    while os.getppid() == parent:  # the server is gone: so is the reason to be here
        time.sleep(1.0)
    listener.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
