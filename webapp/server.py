"""Running the app under gunicorn, configured from Python rather than a config file."""

from __future__ import annotations

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
        from webapp import create_app

        return create_app()


def run(host: str = "127.0.0.1", port: int = 5000, workers: int = 2) -> None:
    """Serve the web app until interrupted."""
    _GunicornApp(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "sync",
            "accesslog": "-",
            "timeout": 60,
            "graceful_timeout": 10,
        }
    ).run()
