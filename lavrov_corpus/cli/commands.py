"""Imports every command module so that each registers itself on the app."""

from __future__ import annotations

from . import (
    build_cmd,  # noqa: F401
    info_cmd,  # noqa: F401
    push_cmd,  # noqa: F401
    schema_cmd,  # noqa: F401
    validate_cmd,  # noqa: F401
)
