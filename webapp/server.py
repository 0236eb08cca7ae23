"""Running the app under a production WSGI server, configured from Python: gunicorn
(worker processes, Unix) or waitress (threads in one process, any platform)."""

from __future__ import annotations

import gc
from typing import Any

from gunicorn.app.base import BaseApplication


class _GunicornApp(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        # With preload_app this runs once, in the main process, before the workers are
        # forked: what is loaded here is shared by all of them (copy-on-write).
        from webapp import create_app
        from webapp.check import warm_up
        from webapp.db import release_connections

        app = create_app()
        warm_up(app)
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

        waitress.serve(create_app(), host=host, port=port, threads=max(4, workers * 2))
        return
    _GunicornApp(
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
    ).run()
