"""csplan: query the figures and targets of China's local development-plan reports."""

__version__ = "0.1.0"
