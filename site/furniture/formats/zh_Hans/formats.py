"""Chinese numbers with a comma every three digits (12,345), as statistics are printed: Django's
zh_Hans format has no separator and groups by four. Only grouped output (floatformat "g", intcomma)
uses it; years and ids stay plain."""
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
