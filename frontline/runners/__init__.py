"""Engines that run the pipeline over many articles; each gives the same output in input order.
``local``: this process or a pool of worker processes. Cluster engines (Dask, Spark) go beside it."""
