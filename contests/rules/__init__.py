"""The rules of the games: phases, timing and scoring in plain Python (no Django, no Channels)."""
