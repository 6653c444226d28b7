"""Events: mentions typed with ACLED's sub-types (``detect``, ``typing_model``), given their arguments
(``fill`` with ``roles``, ``place``, ``time``, ``fatalities``), placed and dated (``geocode``,
``dating``), merged within an article (``merge``), then made final (``finalize``, ``notes``,
``calibrate``). Events under construction are ``EventDraft``s; ``finalize`` makes the ``Event``."""
