"""Commands of csplan that change a store (see edit.py)."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands register on the shared app)
