"""Outside services checks may call (LanguageTool); not checks themselves."""
