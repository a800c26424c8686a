"""Benchmarks of the pipeline at 1k, 10k and 100k responses (make bench)."""
