"""Group commit: many small writes arriving together are stored in one transaction.

A database write per answer caps ingest near 500 answers/s on this kind of machine (one thread
does all ORM work, every commit waits for the disk). `BatchWriter` queues the items of all the
sockets of a process, hands each batch to `flush(items)` (sync code, run on the database thread,
one transaction) and resolves each caller's future with its own result only after the flush has
returned, i.e. after the commit: an acknowledgement always means the row is stored.
"""
import asyncio

from channels.db import database_sync_to_async


class BatchWriter:
    def __init__(self, flush, max_batch=500, after=None):
        """`flush(items)` returns one result per item, in order (it may raise for the batch);
        `after(items, results)`, a coroutine function, runs after each committed batch."""
        self.flush = database_sync_to_async(flush)
        self.after = after
        self.max_batch = max_batch
        self.queue = []
        self.task = None
        self.followers = set()

    async def submit(self, item):
        """Queue one item; returns its result once its batch is committed."""
        future = asyncio.get_running_loop().create_future()
        self.queue.append((item, future))
        if self.task is None or self.task.done() or self.task.get_loop() is not asyncio.get_running_loop():
            self.task = asyncio.create_task(self._drain())
        return await future

    async def _drain(self):
        # Items queued while a batch is being written form the next batch.
        while self.queue:
            batch, self.queue = self.queue[: self.max_batch], self.queue[self.max_batch :]
            try:
                results = await self.flush([item for item, _ in batch])
            except Exception as error:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_, future), result in zip(batch, results):
                if not future.done():
                    future.set_result(result)
            if self.after:
                # Not awaited: the next batch is not held up by what follows this one.
                task = asyncio.create_task(self.after([item for item, _ in batch], results))
                self.followers.add(task)
                task.add_done_callback(self.followers.discard)
