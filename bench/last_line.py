"""The benchmarks' last line: one strict JSON object (a figure that was not measured, NaN, is null)."""
import json
import math


def print_last_line(figures):
    strict = {name: None if isinstance(value, float) and math.isnan(value) else value for name, value in figures.items()}
    print(json.dumps(strict, ensure_ascii=False, allow_nan=False))
