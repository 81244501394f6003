"""The installed package carries every data file it needs (CI installs it as a wheel)."""

from __future__ import annotations

from importlib import resources

DATA = {
    "shuraka.gazetteer": ["countries_cldr.tsv", "countries.tsv", "metonyms.tsv", "places.tsv",
                          "regions.tsv", "organizations.tsv", "instruments.tsv", "persons.yaml",
                          "titles.tsv", "areas.tsv", "meetings.yaml", "instrument_members.tsv",
                          "ambiguous.tsv", "SOURCES.md", "FORMAT.md"],
    "shuraka.extract": ["cues.yaml", "relations.yaml", "triggers.tsv", "temporal.tsv"],
    "shuraka.text": ["calendar.tsv", "abbreviations.tsv"],
    "shuraka.ingest": ["boilerplate.tsv"],
}


def test_every_data_file_is_installed():
    for package, names in DATA.items():
        folder = resources.files(package).joinpath("data")
        for name in names:
            assert folder.joinpath(name).is_file(), f"{package}/data/{name} is not installed"


def test_the_sample_corpus_is_installed():
    from shuraka.samples import articles_dir

    files = [p for p in articles_dir().rglob("*") if p.is_file()]
    assert len(files) >= 40
    assert {p.suffix for p in files} >= {".txt", ".html", ".jsonl", ".xml"}
