"""Running the app under a production WSGI server, configured from Python: gunicorn
(worker processes, Unix) or waitress (threads in one process, any platform)."""

from __future__ import annotations

from typing import Any

import gunicorn.http.wsgi
from gunicorn.app.base import BaseApplication

#: What the ``Server`` header says: not which server software (and version) runs the
#: app, which would only help someone looking for a known hole in it.
SERVER_NAME = "glossary"


class _GunicornApp(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from webapp import create_app

        return create_app()


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
    # gunicorn writes "Server: gunicorn" from this module's name for itself; the workers
    # are forked from this process and inherit the change.
    gunicorn.http.wsgi.SERVER = SERVER_NAME
    _GunicornApp(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
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
    ).run()
