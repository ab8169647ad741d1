"""Every error newsweave raises on purpose.

::

    NewsweaveError
    ├── InputError            a file, URL or record that cannot be used as given
    │   └── BriefingFormatError   briefing JSON that is not newsweave.briefing/2
    ├── ConfigError           a bad setting (file, environment or flag)
    ├── UnknownComponentError a backend name that is not registered
    ├── MissingExtraError     an optional dependency is not installed
    └── ModelError            an NLP model cannot be found or loaded

A *bad article* is not an exception: readers return :class:`newsweave.model.Rejected`
records, so one broken file never stops a run.
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class: the CLI turns these into one line on stderr."""


class InputError(NewsweaveError):
    """An input cannot be used; the message names it."""


class BriefingFormatError(InputError, ValueError):
    """Data given as a briefing is not ``newsweave.briefing/2``; the message names the item."""


class ConfigError(NewsweaveError):
    """A setting is invalid; the message names the setting and the valid range."""


class UnknownComponentError(NewsweaveError):
    """A backend name is not registered; the message lists the available ones."""


class MissingExtraError(NewsweaveError):
    """An optional dependency is missing; the message gives the pip command."""


class ModelError(NewsweaveError):
    """An NLP model could not be loaded; the message says how to install one."""
