"""date: event_date and ACLED time_precision for an event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .records import Event


def assign_date(event: Event, published: dt.date | None) -> Event:
    """Use the event's own time phrase; with none, the report's week (precision 2), as ACLED does
    when a source gives no date. Without a publication date such an event stays undated."""
    if event.time is not None:
        return replace(event, event_date=event.time.date, time_precision=event.time.precision)
    if published is not None:
        return replace(event, event_date=published, time_precision=2)
    return event
