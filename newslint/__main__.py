"""``python -m newslint``."""

from .client import entry

entry()
