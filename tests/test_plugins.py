"""Plugin loading: entry points, a broken plugin, a crashing check, duplicate codes, local plugins."""

from __future__ import annotations

import textwrap
import types
from pathlib import Path

import pytest

from newslint import Linter, hookimpl
from newslint.declaration import bad, check, good
from newslint.findings import Hit


def plugin_with(*checks) -> types.SimpleNamespace:
    """A plugin object registering ``checks``."""

    class Plugin:
        @hookimpl
        def newslint_register_checks(self, register):
            for c in checks:
                register(c)

    return Plugin()


@check(code="NL990", name="always-crashes", category="internal", severity="error")
def crashing(article, ctx):
    """Crashes.

    What it does:
        Raises.
    Why it matters:
        Tests that one crash does not stop the other checks.
    """
    raise RuntimeError("boom")


@check(code="NL991", name="bad-offsets", category="markup")
def bad_offsets(article, ctx):
    """Yields a span outside the text."""
    yield Hit(0, len(article.text) + 10, "out of range")


@check(code="NL201", name="steals-a-code", category="spacing")
def duplicate(article, ctx):
    """Uses a built-in code."""
    return []


def test_crashing_check_becomes_one_internal_finding_and_others_run():
    linter = Linter({"select": ["spacing", "NL990", "NL991"]}, plugins=[plugin_with(crashing, bad_offsets)],
                    load_entry_points=False)
    found = linter.lint("Gang members.This included more.").findings
    internal = [f for f in found if f.category == "internal"]
    assert len(internal) == 2
    assert "internal.always-crashes" in internal[0].message or "always-crashes" in internal[0].message
    assert "RuntimeError: boom" in " ".join(f.message for f in internal)
    assert "outside the text" in " ".join(f.message for f in internal)
    assert any(f.code == "NL201" for f in found)


def test_duplicate_code_is_refused_with_a_warning():
    linter = Linter(plugins=[plugin_with(duplicate)], load_entry_points=False)
    assert any("NL201" in w and "already registered" in w for w in linter.warnings)
    assert [c.name for c in linter.all_checks if c.code == "NL201"] == ["missing-space-after-punctuation"]


def test_misspelt_hook_fails_loudly():
    class Typo:
        @hookimpl
        def newslint_register_chekcs(self, register):
            pass

    with pytest.raises(Exception, match="unknown hook"):
        Linter(plugins=[Typo()], load_entry_points=False)


def _install_fake_distribution(root: Path, name: str, module_source: str) -> None:
    """A minimal installed distribution with a ``newslint`` entry point, found on sys.path."""
    (root / f"{name}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    dist = root / f"{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[newslint]\n{name} = {name}\n")


def test_entry_point_plugin_and_broken_plugin(tmp_path, monkeypatch):
    _install_fake_distribution(tmp_path, "nl_good_plugin", """
        from newslint import Hit, hookimpl
        from newslint.declaration import check

        @check(code="NL980", name="no-lorem", category="generated_text")
        def no_lorem(article, ctx):
            '''Flags lorem ipsum.'''
            i = article.text.find("lorem ipsum")
            if i >= 0:
                yield Hit(i, i + 11, "placeholder text")

        @hookimpl
        def newslint_register_checks(register):
            register(no_lorem)
    """)
    _install_fake_distribution(tmp_path, "nl_broken_plugin", "raise ImportError('missing dep')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linter = Linter()
    check_ = next(c for c in linter.all_checks if c.code == "NL980")
    assert check_.plugin == "nl_good_plugin 1.0"
    assert [f.code for f in linter.lint("Some lorem ipsum here.").findings if f.code == "NL980"]
    assert any("nl_broken_plugin" in w and "missing dep" in w for w in linter.warnings)


def test_local_plugin_file_from_config(tmp_path):
    (tmp_path / "house.py").write_text(textwrap.dedent("""
        from newslint import Hit, hookimpl
        from newslint.declaration import check

        @check(code="NL970", name="no-utilize", category="consistency", severity="info")
        def no_utilize(article, ctx):
            '''House style: use, not utilize.'''
            i = article.text.find("utilize")
            if i >= 0:
                yield Hit(i, i + 7, "house style: write 'use'", suggestion="use")

        @hookimpl
        def newslint_register_checks(register):
            register(no_utilize)
    """), encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("plugins = ['house.py']\n", encoding="utf-8")
    from newslint.config import load_config_file

    linter = Linter(load_config_file(tmp_path / "newslint.toml"), load_entry_points=False)
    found = [f for f in linter.lint("We utilize tools.").findings if f.code == "NL970"]
    assert found and found[0].plugin == "local:house.py"


def test_invalid_declaration_is_refused():
    @check(code="X1", name="Bad_Name", category="nonsense")
    def nonsense(article, ctx):
        """Bad."""
        return []

    linter = Linter(plugins=[plugin_with(nonsense)], load_entry_points=False)
    assert any("refused" in w and "kebab-case" in w for w in linter.warnings)


def test_examples_decorators_make_examples():
    ex = bad("a", "a", fixed="b"), good("c")
    assert ex[0].bad and not ex[1].bad and ex[0].fixed == "b"


def test_new_style_wrapper_filters_findings():
    """A ``wrapper=True`` implementation of ``newslint_lint_article`` sees the core's findings
    (``findings = yield``) and what it returns replaces them."""
    from newslint import Linter, hookimpl

    class DropSpacing:
        @hookimpl(wrapper=True)
        def newslint_lint_article(self, article, checks, config):
            findings = yield
            return [f for f in findings if f.category != "spacing"]

    text = "Officials said the vote was close.It passed."
    plain = Linter(load_entry_points=False).lint(text)
    wrapped = Linter(plugins=[DropSpacing()], load_entry_points=False).lint(text)
    assert any(f.category == "spacing" for f in plain.findings)
    assert not any(f.category == "spacing" for f in wrapped.findings)


def test_plugin_manager_finds_the_hook_implementations_pluggy_finds():
    """newslint's manager decides module attributes from the module's ``__dict__`` (quicker);
    it must register exactly what pluggy's own manager registers, for the built-in plugin
    modules, the example plugin and plugins of every shape (a module with a marked
    ``staticmethod`` and an unmarked function, a class, an instance)."""
    import importlib

    import pluggy

    from newslint import hookspecs, plugins

    odd = types.ModuleType("odd_plugin")
    exec(textwrap.dedent('''
        from newslint import hookimpl
        import os
        CONSTANT = 3
        def newslint_config_keys():
            return {}
        @hookimpl
        def newslint_register_checks(register):
            pass
        newslint_configure = staticmethod(hookimpl(lambda config: None))
        class Inner:
            pass
    '''), odd.__dict__)

    class ClassPlugin:
        @hookimpl
        @staticmethod
        def newslint_config_keys():
            return {"x": "y"}

    modules = [importlib.import_module(n) for n in (*plugins.CORE_PLUGINS, *plugins.BUILTIN_CHECK_PLUGINS,
                                                    "newslint_example")]
    instance = plugin_with(crashing)

    def found(manager: type[pluggy.PluginManager]) -> list[tuple]:
        pm = manager("newslint")
        pm.add_hookspecs(hookspecs)
        for plugin in (*modules, odd, ClassPlugin, instance):
            pm.register(plugin)
        return sorted((name, impl.plugin_name, getattr(impl.function, "__qualname__", ""),
                       sorted(impl.opts.items()))
                      for name in dir(pm.hook) if not name.startswith("_")
                      for impl in getattr(pm.hook, name).get_hookimpls())

    ours, theirs = found(plugins.PluginManager), found(pluggy.PluginManager)
    assert ours == theirs
    assert [row for row in ours if row[1] == "odd_plugin"] and len(ours) > 20
