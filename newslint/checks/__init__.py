"""Built-in checks, one folder per contract category and one module per check.

Each folder is a plugin registered exactly like a third-party one (it implements
``newslint_register_checks`` and lists its checks in ``CHECKS``); the folders themselves are
listed in :data:`newslint.plugins.BUILTIN_CHECK_PLUGINS`.
"""
