"""The packaged knowledge base: countries, places, organizations, instruments, persons.

`load()` validates every data file and compiles the matcher once per process.
"""

from shuraka.gazetteer.compile import Entry, Gazetteer, Office, Record, load

__all__ = ["Entry", "Gazetteer", "Office", "Record", "load"]
