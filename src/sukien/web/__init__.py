"""The web UI and JSON API: `create_app(db_path)` builds the FastAPI app, `serve` runs it."""

from sukien.web.app import create_app, serve

__all__ = ["create_app", "serve"]
