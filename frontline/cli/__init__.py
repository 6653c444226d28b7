"""The ``frontline`` command line: ``app`` holds the commands, ``main`` runs them (the console script)."""

from .app import app, main

__all__ = ["app", "main"]
