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
from types import ModuleType

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
