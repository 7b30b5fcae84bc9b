"""NL603: punctuation matches from a LanguageTool server.

The client (server discovery, chunking, caching, offsets) is shared by the three LanguageTool
checks and lives in :mod:`newslint.services.languagetool`.
"""

from __future__ import annotations

from ...services.languagetool import declare

languagetool_punctuation = declare("NL603", "languagetool-punctuation", "punctuation", "punctuation")
