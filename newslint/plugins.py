"""Building a plugin manager: built-in plugins, entry points, and a newsroom's local plugins.

There is no module-level plugin manager: each ``Linter`` builds its own through
:func:`build_plugin_manager`, so two linters with different plugins never see each other's.
Built-in checks are ordinary plugins, registered exactly like third-party ones.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path
from types import FunctionType, MethodType, ModuleType
from typing import Any

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "newslint"

#: Core plugins that are not checks: inputs, formatters and the default lint implementation.
CORE_PLUGINS: tuple[str, ...] = (
    "newslint.wordlists",
    "newslint.inputs",
    "newslint.formatters",
    "newslint.runner",
)


#: Built-in check plugins, one per contract category (``newslint/checks/<category>/``), listed
#: explicitly as pytest lists its ``default_plugins``: a folder is never discovered by scanning, and
#: the structure test fails when a folder is missing here.
BUILTIN_CHECK_PLUGINS: tuple[str, ...] = (
    "newslint.checks.truncation",
    "newslint.checks.boilerplate",
    "newslint.checks.duplicate",
    "newslint.checks.markup",
    "newslint.checks.generated_text",
    "newslint.checks.spacing",
    "newslint.checks.punctuation",
    "newslint.checks.capitalization",
    "newslint.checks.consistency",
    "newslint.checks.mt_artifact",
    "newslint.checks.attribution",
    "newslint.checks.grammar",
    "newslint.checks.spelling",
    "newslint.checks.readability",
    "newslint.checks.language",
)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager with a quicker look at module plugins' attributes.

    Why: ``register`` asks :meth:`parse_hookimpl_opts` about every name in ``dir(plugin)``, and
    pluggy answers through ``inspect.getattr_static``: ~500 names over the 19 built-in plugin
    modules, about 4 ms of every run's start-up. For a module, an attribute that is a plain
    function or no callable at all is decided here from the module's ``__dict__`` with the
    same answer (a function's ``newslint_impl`` marker, else nothing); anything else (a
    ``staticmethod``, a bound method, an instance or class plugin) goes to pluggy."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if type(plugin) is ModuleType and name not in _MODULE_TYPE_NAMES:
            value = plugin.__dict__.get(name, _MISSING)
            if type(value) is FunctionType:
                opts = getattr(value, self.project_name + "_impl", None)
                return opts if isinstance(opts, dict) else None
            if value is not _MISSING and not isinstance(value, staticmethod | classmethod | MethodType):
                return None
        return super().parse_hookimpl_opts(plugin, name)


_MISSING = object()
#: Names the module type itself defines (``__dict__``, ``__class__``...): left to pluggy.
_MODULE_TYPE_NAMES = frozenset(dir(ModuleType))


def build_plugin_manager(
    *,
    load_entry_points: bool = True,
    local_plugins: Iterable[str] = (),
    local_root: str | None = None,
    extra_plugins: Iterable[Any] = (),
    builtins: bool = True,
) -> tuple[pluggy.PluginManager, list[str], dict[str, str]]:
    """A plugin manager with every plugin loaded, the warnings collected while loading, and a
    readable label per plugin name (``dist version`` for entry-point plugins).

    Each plugin is loaded inside its own ``try``/``except``: a broken plugin gives one warning
    line and the others still load.
    """
    from . import regex_cache

    regex_cache.preload()  # the checks' patterns, compiled by an earlier run (~30 ms saved)
    pm = PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    warnings: list[str] = []
    labels: dict[str, str] = {}
    names = list(CORE_PLUGINS) + (list(BUILTIN_CHECK_PLUGINS) if builtins else [])
    for name in names:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        # Read entry_points.txt directly: importlib.metadata costs ~30 ms of start-up.
        from .entrypoints import entry_points

        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
                continue
            try:
                pm.register(ep.load(), name=ep.name)
                dist = getattr(ep, "dist", None)
                labels[ep.name] = f"{dist.name} {dist.version}" if dist else ep.name
            except Exception as exc:  # noqa: BLE001 - any plugin failure is reported, not raised
                warnings.append(f"plugin {ep.name!r} ({ep.value}) failed to load: "
                                f"{type(exc).__name__}: {exc}")
    for spec in local_plugins:
        # A plugin the configuration names is part of that configuration: when it cannot be
        # loaded the run would silently lack its checks, so it is a configuration error.
        try:
            module = _import_local(spec, local_root)
            if not pm.is_registered(module):
                pm.register(module, name=f"local:{spec}")
        except Exception as exc:  # noqa: BLE001 - any failure, reported as a config error
            from .config import ConfigError

            raise ConfigError(f"plugins: {spec!r} failed to load: {type(exc).__name__}: {exc}") from None
    for i, plugin in enumerate(extra_plugins):
        name = getattr(plugin, "__name__", None) or f"extra-{i}"
        if not pm.is_registered(plugin):
            pm.register(plugin, name=name if not pm.has_plugin(name) else f"{name}-{i}")
    pm.check_pending()
    return pm, warnings, labels


def _import_local(spec: str, root: str | None) -> ModuleType:
    """Import ``spec``: a module name, or a ``.py`` file (relative to the config file)."""
    if spec.endswith(".py") or "/" in spec:
        path = Path(spec)
        if not path.is_absolute() and root:
            path = Path(root) / path
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        mod_name = f"newslint_local_{abs(hash(str(path.resolve())))}"
        if mod_name in sys.modules:
            return sys.modules[mod_name]
        module_spec = importlib.util.spec_from_file_location(mod_name, path)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot import {path}")
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[mod_name] = module
        module_spec.loader.exec_module(module)
        return module
    if root and root not in sys.path:
        sys.path.append(root)
    return importlib.import_module(spec)
