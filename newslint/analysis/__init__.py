"""Analyses of an article shared between checks (each computed once per article via memo)."""
