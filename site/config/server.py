"""The application as a server process runs it: `daphne config.server:application`.

The same application as config.asgi, with the live layer's garbage-collector tuning applied once
everything is imported, autobahn's debug-log arguments skipped while debug logging is off, and
daphne's requests built without Twisted's own parsing of form bodies (uploads/server_bodies.py).
Tests import config.asgi instead: freezing there would keep their earlier objects (database
connections among them) from ever being collected.
"""
from contests.live import autobahn_logging, gc_tuning
from uploads import server_bodies

from .asgi import application

autobahn_logging.skip_debug_arguments()
server_bodies.leave_forms_unparsed()
gc_tuning.tune()

__all__ = ["application"]
