"""NL602: spelling matches from a LanguageTool server.

The client (server discovery, chunking, caching, offsets) is shared by the three LanguageTool
checks and lives in :mod:`newslint.services.languagetool`.
"""

from __future__ import annotations

from ...services.languagetool import declare

languagetool_spelling = declare("NL602", "languagetool-spelling", "spelling", "spelling")
