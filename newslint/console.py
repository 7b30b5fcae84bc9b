"""The console script's entry point: through the warm server when one runs, else in process.

Kept apart from :mod:`newslint.cli` so that a command sent to the server never imports the heavy
modules (the command line, the linter, the word data): this module and :mod:`newslint.client`
load only the standard library's socket layer. See :mod:`newslint.server`.
"""

from __future__ import annotations

import sys

from .process import pause_gc


def entry() -> None:
    """``newslint ...``: ``server start|stop|status``, else the command through a running server
    (:func:`newslint.client.try_server`), else :func:`newslint.cli.entry` in this process."""
    argv = sys.argv[1:]
    if argv[:1] == ["server"]:
        from .server import command

        sys.exit(command(argv[1:]))
    from .client import try_server

    status = try_server(argv)
    if status is not None:
        sys.exit(status)
    pause_gc()
    # Compiled code kept from earlier runs goes in before the command line's imports, whose
    # modules compile ~80 patterns (newslint.regex_cache) and create ~25 dataclasses
    # (newslint.code_cache) as they load.
    from . import code_cache, regex_cache

    regex_cache.preload()  # first: installing the code cache imports dataclasses, which compile
    code_cache.install()
    from .cli import entry as cli_entry

    cli_entry()
