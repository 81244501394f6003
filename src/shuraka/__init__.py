"""shuraka: Arabic news about alliances into a sourced knowledge base."""

__version__ = "0.1.0"
SCHEMA = "shuraka/extract@1"
