"""What the machine-translation checks share (from :mod:`newslint.analysis.prose`)."""

from __future__ import annotations

from ...analysis.prose import capitalised_counts, chrome, prose_paragraphs, words_between

__all__ = ["capitalised_counts", "chrome", "prose_paragraphs", "words_between"]
