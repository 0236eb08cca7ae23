"""Running the app under a production WSGI server, configured from Python: gunicorn
(worker processes, Unix) or waitress (threads in one process, any platform)."""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING, Any

import gunicorn.http.wsgi
import gunicorn.util
from gunicorn.app.base import BaseApplication
from werkzeug.http import HTTP_STATUS_CODES

from webapp.errors import error_body
from webapp.headers import HEADERS

if TYPE_CHECKING:
    from glossary.mining.service import MinerProcess

#: What the ``Server`` header says: not which server software (and version) runs the
#: app, which would only help someone looking for a known hole in it.
SERVER_NAME = "glossary"

#: What gunicorn's own refusals mean, for the people who meet them.
_GUNICORN_MESSAGES = {
    414: "the address of this request is too long for the server (at most 4,094 "
    "characters); look up a shorter text",
    431: "the headers of this request are too large for the server",
    500: "something went wrong on the server; the error is in its log",
}


def _write_error(sock: Any, status: int, reason: str, message: str) -> None:
    """gunicorn's own answers, to requests it refuses before the app sees them (a
    request line too long, a request that is not HTTP), in the app's one JSON error
    shape rather than gunicorn's HTML page."""
    name = HTTP_STATUS_CODES.get(status, reason)
    text = _GUNICORN_MESSAGES.get(status) or f"the request is not valid HTTP: {message}"
    body = json.dumps(error_body(status, name.replace(" ", ""), text)).encode()
    head = [
        f"HTTP/1.1 {status} {reason}",
        "Connection: close",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        f"Server: {SERVER_NAME}",
        *(f"{k}: {v}" for k, v in HEADERS.items()),
    ]
    gunicorn.util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class _GunicornApp(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        self.analysers: MinerProcess | None = None
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        # With preload_app this runs once, in the main process, before the workers are
        # forked: what is loaded here is shared by all of them (copy-on-write).
        from glossary.mining.service import start
        from webapp import create_app
        from webapp.check import use_shared_miner, warm_up
        from webapp.db import release_connections

        app = create_app()
        # The Korean and Japanese analysers (about 550 MB) run in one process of their
        # own that every worker asks, rather than in each worker.
        self.analysers = start()
        miner = self.analysers.client()
        use_shared_miner(app, miner)
        warm_up(app)
        miner.close()  # the workers open connections of their own
        release_connections(app)
        # What is loaded now lives as long as the server: leave it out of the workers'
        # garbage collections, which would otherwise write to every object's header and
        # so copy the shared pages into each worker (the gc module's advice for forking).
        gc.freeze()
        return app


def run(
    host: str = "127.0.0.1",
    port: int = 5000,
    workers: int = 2,
    server: str = "gunicorn",
    access_log: bool = True,
    threads: int = 2,
) -> None:
    """Serve the web app until interrupted."""
    if server == "waitress":
        import waitress

        from webapp import create_app

        waitress.serve(
            create_app(), host=host, port=port, threads=max(4, workers * 2), ident=SERVER_NAME
        )
        return
    # gunicorn writes "Server: gunicorn" from this module's name for itself, and its
    # refusals as HTML; the workers are forked from this process and inherit both
    # changes (tests/web/test_serve.py checks they still take, gunicorn release by
    # release).
    gunicorn.http.wsgi.SERVER = SERVER_NAME
    gunicorn.util.write_error = _write_error
    server = _GunicornApp(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            # The app, the style checker and the analysers of the unknown-name check
            # are loaded once and shared, instead of once per worker (see load()).
            "preload_app": True,
            # gthread keeps connections alive between requests (search as you type sends
            # one per keystroke); sync workers would open a new connection for each.
            "worker_class": "gthread",
            "threads": threads,
            "keepalive": 5,
            "accesslog": "-" if access_log else None,
            "timeout": 60,
            "graceful_timeout": 10,
            "backlog": 2048,
        }
    )
    try:
        server.run()
    finally:
        if server.analysers is not None:
            server.analysers.stop()
