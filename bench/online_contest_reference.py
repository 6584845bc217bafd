"""Settings of the benchmark's reference site (bench/online_contest.py): the project's own
settings and middleware; its URLs (online_contest_reference_urls) add one view that does one
INSERT. Not part of the application."""
from config.settings import *  # noqa: F401,F403  (the same stack)

ROOT_URLCONF = "online_contest_reference_urls"
