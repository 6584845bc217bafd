"""The page cache's generation: a token in the shared cache that every change to published
content replaces, so every page cached before it is out at once (keys carry the token).

Each process sees a change within a second (core.generation). When the shared cache cannot be
read, there is no token and nothing is cached or served from the cache.
"""
from core.generation import SharedGeneration

pages = SharedGeneration("pagecache:generation")
current = pages.current
bump = pages.bump
