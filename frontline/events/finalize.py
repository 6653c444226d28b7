"""finalize: a merged ``EventDraft`` becomes the exported ``Event`` (the one place an ``Event`` is made).

The draft's working fields (its place, cue, time phrase and sentences) stay behind; the event gains its
sources and its sub-type's CAMEO root and PLOVER type. ``notes.describe`` and ``calibrate.calibrate``
then work on the final event.
"""

from __future__ import annotations

from ..records import Event, EventDraft
from .codes import event_codes


def finalize(draft: EventDraft, source: str) -> Event:
    """The exported event of ``draft``, with ACLED's ``source`` column (outlets joined by "; ")."""
    codes = event_codes(draft.sub_event_type)
    return Event(
        article_id=draft.article_id,
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        event_id=draft.event_id,
        event_date=draft.event_date,
        time_precision=draft.time_precision,
        actor1=draft.actor1,
        assoc_actor_1=draft.assoc_actor_1,
        inter1=draft.inter1,
        actor2=draft.actor2,
        assoc_actor_2=draft.assoc_actor_2,
        inter2=draft.inter2,
        interaction=draft.interaction,
        civilian_targeting=draft.civilian_targeting,
        iso=draft.iso,
        country=draft.country,
        admin1=draft.admin1,
        admin2=draft.admin2,
        admin3=draft.admin3,
        location=draft.location,
        latitude=draft.latitude,
        longitude=draft.longitude,
        geo_precision=draft.geo_precision,
        source=source,
        fatalities=draft.fatalities,
        geonameid=draft.geonameid,
        confidence=draft.confidence,
        evidence=draft.evidence,
        fatalities_low=draft.fatalities_low,
        fatalities_high=draft.fatalities_high,
        cameo_root=codes.cameo_root,
        plover_type=codes.plover_type,
    )
