"""Data files sitegen reads at run time (see each file's first line for its source)."""
