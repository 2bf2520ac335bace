"""`client.jobs`: the job operations bound to the sync and async clients.

The operations themselves (arguments, requests, parsing, waiting) are defined once in
`_job_calls`; these classes only bind them, so `Jobs` and `AsyncJobs` cannot differ.
"""

from __future__ import annotations

from functools import cached_property

from ionq_facade._reconcile import reconcile as _reconcile
from ionq_facade._resource import (
    AsyncResource,
    SyncResource,
    async_call,
    async_flow,
    async_pages,
    async_raw,
    sync_call,
    sync_flow,
    sync_pages,
    sync_raw,
)

from . import _job_calls as define

__all__ = ["AsyncJobs", "AsyncJobsWithRawResponse", "Jobs", "JobsWithRawResponse"]


class Jobs(SyncResource):
    create = sync_call(define.create)
    get = sync_call(define.get)
    list = sync_pages(define.list_jobs)
    list_page = sync_call(define.list_page)
    cancel = sync_call(define.cancel)
    cancel_many = sync_call(define.cancel_many)
    delete = sync_call(define.delete)
    delete_many = sync_call(define.delete_many)
    cost = sync_call(define.cost)
    estimate = sync_call(define.estimate)
    probabilities = sync_call(define.probabilities)
    child_probabilities = sync_call(define.child_probabilities)
    artifact = sync_call(define.artifact)
    clone = sync_call(define.clone)
    move = sync_call(define.move)
    wait = sync_flow(define.wait)
    wait_many = sync_flow(define.wait_many)
    reconcile = sync_flow(_reconcile)  # (bounds: JobMayExistError; not a job call)
    histogram = sync_flow(define.histogram)
    shots = sync_flow(define.shots)
    register_probabilities = sync_flow(define.register_probabilities)
    register_histogram = sync_flow(define.register_histogram)
    register_shots = sync_flow(define.register_shots)
    compiled = sync_flow(define.compiled)

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """The same single-request operations, answering `RawResponse[...]`."""
        return JobsWithRawResponse(self._api)


class JobsWithRawResponse(SyncResource):
    create = sync_raw(define.create)
    get = sync_raw(define.get)
    list_page = sync_raw(define.list_page)
    cancel = sync_raw(define.cancel)
    cancel_many = sync_raw(define.cancel_many)
    delete = sync_raw(define.delete)
    delete_many = sync_raw(define.delete_many)
    cost = sync_raw(define.cost)
    estimate = sync_raw(define.estimate)
    probabilities = sync_raw(define.probabilities)
    child_probabilities = sync_raw(define.child_probabilities)
    artifact = sync_raw(define.artifact)
    clone = sync_raw(define.clone)
    move = sync_raw(define.move)


class AsyncJobs(AsyncResource):
    create = async_call(define.create)
    get = async_call(define.get)
    list = async_pages(define.list_jobs)
    list_page = async_call(define.list_page)
    cancel = async_call(define.cancel)
    cancel_many = async_call(define.cancel_many)
    delete = async_call(define.delete)
    delete_many = async_call(define.delete_many)
    cost = async_call(define.cost)
    estimate = async_call(define.estimate)
    probabilities = async_call(define.probabilities)
    child_probabilities = async_call(define.child_probabilities)
    artifact = async_call(define.artifact)
    clone = async_call(define.clone)
    move = async_call(define.move)
    wait = async_flow(define.wait)
    wait_many = async_flow(define.wait_many)
    reconcile = async_flow(_reconcile)  # (bounds: JobMayExistError; not a job call)
    histogram = async_flow(define.histogram)
    shots = async_flow(define.shots)
    register_probabilities = async_flow(define.register_probabilities)
    register_histogram = async_flow(define.register_histogram)
    register_shots = async_flow(define.register_shots)
    compiled = async_flow(define.compiled)

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """The same single-request operations, answering `RawResponse[...]`."""
        return AsyncJobsWithRawResponse(self._api)


class AsyncJobsWithRawResponse(AsyncResource):
    create = async_raw(define.create)
    get = async_raw(define.get)
    list_page = async_raw(define.list_page)
    cancel = async_raw(define.cancel)
    cancel_many = async_raw(define.cancel_many)
    delete = async_raw(define.delete)
    delete_many = async_raw(define.delete_many)
    cost = async_raw(define.cost)
    estimate = async_raw(define.estimate)
    probabilities = async_raw(define.probabilities)
    child_probabilities = async_raw(define.child_probabilities)
    artifact = async_raw(define.artifact)
    clone = async_raw(define.clone)
    move = async_raw(define.move)
