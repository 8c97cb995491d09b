"""Extractors: pure functions from a parsed document to plain records."""
