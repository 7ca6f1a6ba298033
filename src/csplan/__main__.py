from . import _on_interrupt

_on_interrupt()  # before the CLI's imports

from .cli import run  # noqa: E402

run()
