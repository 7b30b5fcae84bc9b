"""``python -m newslint``."""

from .cli import entry

entry()
