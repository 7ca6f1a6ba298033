"""Commands of csplan that extract figures from a report's text (see extract.py)."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands register on the shared app)
