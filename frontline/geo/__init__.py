"""Places: the offline gazetteer (``gazetteer/``), and toponyms found and resolved in text, in one
direction: ``patterns`` -> ``proposals`` -> ``recognize`` -> ``toponyms`` -> ``ranker_features`` ->
``ranker`` -> ``resolve`` -> ``geoparse``. Nothing here knows about events."""
