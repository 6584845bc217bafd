"""The application as a server process runs it: `daphne config.server:application`.

The same application as config.asgi, with the live layer's garbage-collector tuning applied once
everything is imported, and autobahn's debug-log arguments skipped while debug logging is off.
Tests import config.asgi instead: freezing there would keep their earlier objects (database
connections among them) from ever being collected.
"""
from contests.live import autobahn_logging, gc_tuning

from .asgi import application

autobahn_logging.skip_debug_arguments()
gc_tuning.tune()

__all__ = ["application"]
