"""sitegen's exceptions. The CLI turns each into one message and an exit code."""

from __future__ import annotations


class SitegenError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""

    exit_code = 1


class ConfigError(SitegenError):
    """An option or configuration file is invalid."""


class InputError(SitegenError):
    """An input article cannot be read; the message names the file (and line)."""


class PipelineError(SitegenError):
    """The spaCy pipeline cannot be loaded."""


class OutputError(SitegenError):
    """Writing the site would lose or clobber a file sitegen did not write."""
