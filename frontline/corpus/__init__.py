"""Corpus-level stages over the store: incidents, one real-world happening across many reports."""

from .claims import INCIDENT_COLUMNS, incident_rows
from .incidents import (
    IncidentUpdate,
    assign_missing,
    rebuild_incidents,
    update_incidents,
)

__all__ = ["INCIDENT_COLUMNS", "IncidentUpdate", "assign_missing", "incident_rows", "rebuild_incidents", "update_incidents"]
