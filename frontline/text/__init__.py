"""Text in, mentions out: reading inputs (``ingest``), cleaning pages (``clean``), and finding what
the text says before any event is typed: times (``timex``), casualty counts (``casualties``), actors
(``actors`` with ``actor_table`` and ``actor_rules``), all gathered per document by ``annotate``."""
