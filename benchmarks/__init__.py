"""Performance benchmarks: `python -m benchmarks.run [--quick]` (see docs/PERFORMANCE.md)."""
