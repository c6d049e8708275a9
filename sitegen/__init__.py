"""sitegen: news articles in, a cross-linked, searchable knowledge site out."""

__version__ = "0.1.0"
