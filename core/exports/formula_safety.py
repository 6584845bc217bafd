"""Neutralise spreadsheet formula injection (CSV/Excel "DDE" attacks) in exported cells.

A text cell that starts with =, +, -, @, a tab or a carriage return is run as a formula by
Excel, LibreOffice and WPS when the file is opened (e.g. `=cmd|' /C calc'!A0`). Prefixing an
apostrophe makes it plain text. Numbers, dates, booleans and None pass through unchanged, so
scores stay numbers.
"""
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value to write into a spreadsheet cell: text that could start a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values):
    """safe_cell applied to every value of a row."""
    return [safe_cell(value) for value in values]
