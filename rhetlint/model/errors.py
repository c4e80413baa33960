"""Errors in what the user wrote (configuration, rule files, lexicons), shared by every layer."""

from __future__ import annotations


class ConfigError(Exception):
    """A configuration problem, already phrased as one line naming the file and key."""
