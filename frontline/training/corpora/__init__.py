"""Readers for the public datasets frontline trains and is evaluated on (under ``../shared/data``).

Nothing here is used at extraction time; training scripts and benchmarks import these readers.
"""
