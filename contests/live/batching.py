"""Group commit: many small writes arriving together are stored in one transaction.

A database write per answer caps ingest near 500 answers/s on this kind of machine (every commit
waits for the disk, every call opens a connection and hops threads). `BatchWriter` queues the items
of all the sockets of a process and hands each batch to `flush(items)` (sync code, one
transaction) on the process's writer thread. Only after `flush` has returned, i.e. after the
commit, it calls each item's `reply(result)`: an acknowledgement always means the row is stored.

Cheap per item: `submit` does not wait (no future, no wake-up of the caller per item); the replies
of a batch are sent by one task. The writer thread keeps its database connection while batches
keep coming and gives it back when none is waiting (or after an error), so a burst opens one
connection instead of one per batch.
"""
import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor

from django.db import connections

logger = logging.getLogger(__name__)


class BatchWriter:
    def __init__(self, flush, max_batch=500, after=None, linger=0.005):
        """`flush(items)` returns `(results, summary)`: one result per item, in order, and what
        `after(summary)` (a coroutine function, optional) needs; it may raise for the whole batch,
        then every item's result is that exception. A batch waits `linger` seconds for company."""
        self.flush = flush
        self.after = after
        self.max_batch = max_batch
        self.linger = linger
        self.queue = []
        self.task = None
        self.followers = set()
        self.executor = None
        self.executor_pid = None

    def submit(self, item, reply):
        """Queue one item; `await reply(result)` runs once its batch is committed (or failed)."""
        self.queue.append((item, reply))
        loop = asyncio.get_running_loop()
        if self.task is None or self.task.done() or self.task.get_loop() is not loop:
            self.task = loop.create_task(self._drain())

    async def call(self, item, undo=None):
        """Queue one item and wait for its batch: its result, or raises the exception that is
        its result. When the caller is cancelled first (its socket closed), `await undo(result)`
        runs instead once the batch is done, e.g. to take back a row the caller never reported."""
        outcome = asyncio.get_running_loop().create_future()

        async def reply(result):
            if not outcome.cancelled():
                outcome.set_result(result)
            elif undo is not None:
                await undo(result)

        self.submit(item, reply)
        result = await outcome
        if isinstance(result, BaseException):
            raise result
        return result

    def _thread(self):
        # One writer thread per process (a forked child starts its own).
        if self.executor_pid != os.getpid():
            self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-writer")
            self.executor_pid = os.getpid()
        return self.executor

    def _flush_on_thread(self, items):
        failed = True
        try:
            results = self.flush(items)
            failed = False
            return results
        finally:
            # Keep the connection only while the next batch is already waiting; after an error
            # the next batch starts on a fresh one.
            if failed or not self.queue:
                connections.close_all()

    async def _drain(self):
        loop = asyncio.get_running_loop()
        # Items queued while a batch is being written form the next batch.
        while self.queue:
            if len(self.queue) < self.max_batch:
                await asyncio.sleep(self.linger)  # let a batch gather
            batch, self.queue = self.queue[: self.max_batch], self.queue[self.max_batch :]
            try:
                results, summary = await loop.run_in_executor(
                    self._thread(), self._flush_on_thread, [item for item, _ in batch]
                )
            except Exception as error:
                logger.exception("a batch of %d items failed", len(batch))
                results, summary = [error] * len(batch), None
            # Not awaited: the next batch is not held up by the replies or what follows.
            self._follow(self._reply(batch, results))
            if self.after and summary:
                self._follow(self.after(summary))

    def _follow(self, coroutine):
        task = asyncio.get_running_loop().create_task(coroutine)
        self.followers.add(task)
        task.add_done_callback(self.followers.discard)

    @staticmethod
    async def _reply(batch, results):
        for (_, reply), result in zip(batch, results):
            try:
                await reply(result)
            except Exception:  # one closed socket must not keep the others from their replies
                logger.debug("a batch reply failed", exc_info=True)
