"""The bundled sample corpus: Arabic articles the project wrote itself (see
examples/README.md), shipped in the package so `shuraka demo` works after `pip install`."""

from importlib import resources
from pathlib import Path


def articles_dir() -> Path:
    """The folder of bundled sample articles."""
    return Path(str(resources.files(__package__).joinpath("articles")))
