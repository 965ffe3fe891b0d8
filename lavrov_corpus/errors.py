"""The exception tree of lavrov-corpus, in one place.

    LavrovCorpusError
    ├── InputError              bad input folder or file the user pointed at
    │   └── SidecarError        curated metadata that does not validate
    ├── BuildError              a build could not complete (nothing was replaced)
    │   └── BuildLockedError    another build holds the output folder
    ├── DatasetNotFoundError    (also FileNotFoundError) no dataset where one was expected
    ├── DatasetUnreadableError  a dataset file is there but cannot be read as its table
    ├── ValidationFailed        a dataset did not validate; carries the report
    └── HubError                publishing failed
        ├── HubAuthError        missing or rejected token, no permission
        ├── HubConflictError    the tag exists on different content
        └── HubNetworkError     network, rate limit or server trouble

Library code raises these; the CLI turns them into a message and an exit code, and shows a
traceback only under ``--debug``.
"""

from __future__ import annotations

from typing import Any


class LavrovCorpusError(Exception):
    """Base of every error this library raises on purpose."""


class InputError(LavrovCorpusError):
    """The input given by the user cannot be used."""


class SidecarError(InputError):
    """A curated metadata sidecar is malformed or does not validate."""


class BuildError(LavrovCorpusError):
    """A build failed; the previous output, if any, is untouched."""


class BuildLockedError(BuildError):
    """Another build is writing to the same output folder."""


class DatasetNotFoundError(LavrovCorpusError, FileNotFoundError):
    """No dataset folder where one was expected."""


class DatasetUnreadableError(LavrovCorpusError):
    """A dataset file exists but is not readable as the table it should hold."""


class ValidationFailed(LavrovCorpusError):
    """A dataset did not validate."""

    def __init__(self, message: str, report: Any = None) -> None:
        super().__init__(message)
        self.report = report


class HubError(LavrovCorpusError):
    """Publishing to the Hugging Face Hub failed."""


class HubAuthError(HubError):
    """The token is missing, invalid or lacks permission."""


class HubConflictError(HubError):
    """The version tag already exists on the Hub with different content."""


class HubNetworkError(HubError):
    """The Hub could not be reached, rate-limited us, or failed."""
