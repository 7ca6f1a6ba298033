"""Commands of csplan that check targets and compare growth (see targets.py)."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands register on the shared app)
