"""The event store: SQLite, one transaction per article, ids derived from content."""

from .sqlite import EventStore, StoreError, StoreResult

__all__ = ["EventStore", "StoreError", "StoreResult"]
