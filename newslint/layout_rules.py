"""The checks' file layout, as rules a test can enforce.

``newslint/checks/<category>/<check_name>.py`` holds exactly one check, named after the file, in
the folder of its contract category; the folder's plugin lists it in ``CHECKS``; the folder is
listed in :data:`newslint.plugins.BUILTIN_CHECK_PLUGINS`. Modules whose name starts with ``_``
hold helpers shared inside a folder and no check. A newcomer can then find any check from its
name (``capitalization.entity-variant`` is ``checks/capitalization/entity_variant.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from .declaration import Check
from .findings import CATEGORIES


def layout_problems(package: str, registered_plugins: Iterable[str]) -> list[str]:
    """Every way the check package ``package`` breaks the layout rules, one sentence each.

    ``registered_plugins`` is the explicit tuple of plugin module names (folders) the core loads.
    """
    problems: list[str] = []
    registered = set(registered_plugins)
    root = importlib.import_module(package)
    for folder in pkgutil.iter_modules(root.__path__):
        if not folder.ispkg or folder.name.startswith("_"):
            continue
        plugin_name = f"{package}.{folder.name}"
        if plugin_name not in registered:
            problems.append(f"{plugin_name}: folder is not listed among the built-in plugins")
        if folder.name not in CATEGORIES:
            problems.append(f"{plugin_name}: folder name is not a contract category")
        plugin = importlib.import_module(plugin_name)
        listed = {id(c) for c in getattr(plugin, "CHECKS", ())}
        for info in pkgutil.iter_modules(plugin.__path__):
            if info.ispkg:
                continue
            module = importlib.import_module(f"{plugin_name}.{info.name}")
            checks = [v for v in vars(module).values() if isinstance(v, Check)]
            where = f"{plugin_name}.{info.name}"
            if info.name.startswith("_"):
                if checks:
                    problems.append(f"{where}: a helper module (leading '_') declares a check")
                continue
            if len(checks) != 1:
                problems.append(f"{where}: holds {len(checks)} checks (one per file)")
                continue
            chk = checks[0]
            if chk.name.replace("-", "_") != info.name:
                problems.append(f"{where}: file is not named after its check {chk.name!r}")
            if chk.category != folder.name:
                problems.append(f"{where}: check {chk.code} has category {chk.category!r} but sits "
                                f"in {folder.name}/")
            if id(chk) not in listed:
                problems.append(f"{where}: check {chk.code} is not listed in {plugin_name}.CHECKS")
    for name in sorted(registered - {f"{package}.{m.name}" for m in pkgutil.iter_modules(root.__path__)}):
        problems.append(f"{name}: listed among the built-in plugins but no such folder")
    return problems
