"""Training and evaluation code, kept out of the runtime packages: the ``frontline train`` commands
(``recognizer``, ``ranker``, ``typing_train``, ``confidence``), typing's hand-written examples
(``typing_synthetic``) and readers for the public corpora (``corpora/``). Extraction never imports it."""
