"""Running newslint on the engine a user already has: Dask and Spark.

The engine modules (:mod:`newslint.engines.dask`, :mod:`newslint.engines.spark`) are thin: all
the work that must be identical whatever the engine (turning a row into an article, building one
``Linter`` per worker process, flattening reports into rows) lives in
:mod:`newslint.engines.partition`, which needs neither Dask nor Spark and is tested on its own.

Importing this package is cheap and needs no extra; :func:`require` turns a missing extra into
one readable line (``pip install 'newslint[dask]'``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any

#: Engine name to the import it needs and the extra that installs it.
EXTRAS: dict[str, tuple[str, str]] = {
    "dask": ("distributed", "dask"),
    "spark": ("pyspark", "spark"),
    "parquet": ("pyarrow", "parquet"),
}

#: Engines the command line knows (``--engine``).
ENGINES: tuple[str, ...] = ("default", "dask", "spark")


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def require(what: str) -> ModuleType:
    """Import the module behind ``what`` (``dask``, ``spark``, ``parquet``) or raise
    :class:`MissingExtra` with the one-line fix."""
    module, extra = EXTRAS[what]
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{what} support needs the {module!r} package: "
                           f"pip install 'newslint[{extra}]'") from None


def engine_reports(engine: str, linter: Any, items: Iterable[Any], *, jobs: int,
                   stdin_name: str | None = None, master: str | None = None) -> Iterator[Any]:
    """The command line's reports from ``engine`` (``dask`` or ``spark``), in input order: the
    same reports the default engine gives for the same inputs and linter."""
    if engine == "dask":
        from .dask import cli_reports as dask_reports

        return dask_reports(linter, items, jobs=jobs, stdin_name=stdin_name, address=master)
    if engine == "spark":
        from .spark import cli_reports as spark_reports

        return spark_reports(linter, items, jobs=jobs, stdin_name=stdin_name, master=master)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
