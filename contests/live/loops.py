"""One object per running event loop: one per process in production, while tests run many loops."""
import asyncio
import weakref


def per_loop(factory):
    """A function that returns the running event loop's own `factory()` object, made on first use."""
    instances = weakref.WeakKeyDictionary()

    def of_running_loop():
        loop = asyncio.get_running_loop()
        if loop not in instances:
            instances[loop] = factory()
        return instances[loop]

    return of_running_loop
