"""``python -m newslint``."""

from .console import entry

entry()
