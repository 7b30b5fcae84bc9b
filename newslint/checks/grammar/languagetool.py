"""NL601: grammar matches from a LanguageTool server.

The client (server discovery, chunking, caching, offsets) is shared by the three LanguageTool
checks and lives in :mod:`newslint.services.languagetool`.
"""

from __future__ import annotations

from ...services.languagetool import declare

languagetool = declare("NL601", "languagetool", "grammar", "grammar")
