"""Ranking with shared places: entries that compare equal share a place and the next place
skips (1, 1, 3), whether the whole list is ranked here or one entry's place is counted by a query."""


def place(better):
    """The place of an entry with `better` entries strictly ahead of it."""
    return better + 1


def ranking(entries, key, order=None):
    """[(place, entry)] best first. `key(entry)` ranks (smaller is better; equal keys share a
    place); `order(entry)` only orders entries sharing a place (by default, as given)."""
    ordered = sorted(entries, key=(lambda entry: (key(entry), order(entry))) if order else key)
    result = []
    for position, entry in enumerate(ordered):
        if position and key(entry) == key(ordered[position - 1]):
            result.append((result[-1][0], entry))
        else:
            result.append((place(position), entry))
    return result
