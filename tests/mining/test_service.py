"""The analysers in a process of their own, which the web server's workers share."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client

import pytest

from glossary.mining import mine_mentions
from glossary.mining.service import MinerProcess, SharedMiner, start

TEXTS = {
    "ko": "장관은 부산에서 김민준 연구원을 만났다. 이재명 대통령은 서울에서 연설했다.\n",
    "ja": "大臣は大阪で山田太郎氏と会った。高市早苗首相は東京で演説した。\n",
}


def _rows(mentions: list) -> list[tuple[str, int, int, str, str]]:
    return [(m.surface, m.start, m.end, m.kind, m.normalized) for m in mentions]


@pytest.fixture(scope="module")
def analysers() -> Iterator[MinerProcess]:
    process = start()
    yield process
    process.stop()


def test_the_shared_process_finds_what_this_process_finds(analysers: MinerProcess) -> None:
    assert analysers.languages == ("ko", "ja")
    miner = analysers.client()
    for lang, text in TEXTS.items():
        remote = miner(text, lang)
        assert remote and _rows(remote) == _rows(mine_mentions(text, lang))
    # English is mined where it is asked for, with the same result.
    english = "Prime Minister Takaichi Sanae met Kim Min-jun in Busan.\n"
    assert _rows(miner(english, "en")) == _rows(mine_mentions(english, "en"))
    miner.close()


def test_only_this_user_and_the_key_get_in(analysers: MinerProcess) -> None:
    folder = os.path.dirname(analysers.address.path)
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    with pytest.raises(AuthenticationError):
        Client(analysers.address.path, family="AF_UNIX", authkey=b"not the key")
    # The process still answers those who know the key.
    assert analysers.client()(TEXTS["ko"], "ko")


def test_a_worker_mines_itself_when_the_process_is_gone(caplog: pytest.LogCaptureFixture) -> None:
    process = start(("ko",))
    miner = process.client()
    assert _rows(miner(TEXTS["ko"], "ko")) == _rows(mine_mentions(TEXTS["ko"], "ko"))
    process.stop()
    assert not os.path.exists(process.address.path)
    assert _rows(miner(TEXTS["ko"], "ko")) == _rows(mine_mentions(TEXTS["ko"], "ko"))
    assert "not answering" in caplog.text


def test_the_process_stops_when_the_server_is_gone() -> None:
    """A server killed outright (no chance to stop its analysers) leaves none behind."""
    parent = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; from glossary.mining.service import start; "
            "print(start(('ko',)).pid, flush=True); os._exit(0)",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    pid = int(parent.stdout.split()[-1])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        if os.path.exists(f"/proc/{pid}/stat"):
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    break  # exited, waiting for its new parent to collect it
        time.sleep(0.2)
    else:
        os.kill(pid, 9)
        pytest.fail("the analysers' process outlived its server")


def test_a_shared_miner_refuses_a_language_its_process_does_not_mine(
    analysers: MinerProcess,
) -> None:
    from glossary.errors import GlossaryError

    miner = SharedMiner(analysers.address, ("ko", "ja", "xx"))
    with pytest.raises(GlossaryError, match="do not mine"):
        miner("text", "xx")
