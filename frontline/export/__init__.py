"""Writers for the event table: CSV in ACLED's column order, JSONL, GeoJSON, GeoPackage and Parquet."""

from .formats import FORMATS, ExportError, export

__all__ = ["FORMATS", "ExportError", "export"]
