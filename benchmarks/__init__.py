"""Benchmarks: the card generator, the pandas baseline and `make bench` (see bench.py)."""
