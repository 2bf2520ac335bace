"""One place per operation: each operationId of openapi.yaml and the façade method serving it.

Every operation follows one convention. Its definition is a function of the method's
arguments returning a `Call`, whose method, URL and query come from the generated
endpoint (`Call.of(<_generated.api...>._get_kwargs(...), <View>._parse)`); it lives in the
file of its tag (`FILES`) and is bound to the sync, async and raw-response clients by a
line of `resources/_bindings.py` (then `scripts/regenerate`). tests/contract/test_coverage.py
checks this table against the spec and names the file to change for anything missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["FILES", "KEYWORDS", "NOT_SERVED", "SERVED"]

# operationId -> the client attribute path of the method that sends it.
SERVED: Final[Mapping[str, str]] = {
    "getWhoami": "whoami",
    "getBackends": "backends.list",
    "getBackend": "backends.get",
    "getCharacterizations": "characterizations.list",
    "getCharacterization": "characterizations.get",
    "createJob": "jobs.create",
    "listJobs": "jobs.list",
    "deleteJobs": "jobs.delete_many",
    "cancelJobs": "jobs.cancel_many",
    "estimateJob": "jobs.estimate",
    "getJob": "jobs.get",
    "deleteJob": "jobs.delete",
    "cancelJob": "jobs.cancel",
    "getJobCost": "jobs.cost",
    "getJobProbabilities": "jobs.probabilities",
    "getJobArtifact": "jobs.artifact",
    "cloneJob": "jobs.clone",
    "moveJob": "jobs.move",
    "createSession": "sessions.create",
    "listSessions": "sessions.list",
    "getSession": "sessions.get",
    "endSession": "sessions.end",
    "listSessionJobs": "sessions.jobs",
}

# operationId -> why the façade deliberately offers no method for it.
NOT_SERVED: Final[Mapping[str, str]] = {}

# Where each tag's operations are defined (bound in resources/_bindings.py).
FILES: Final[Mapping[str, str]] = {
    "jobs": "ionq_facade/resources/_job_calls.py",
    "backends": "ionq_facade/resources/_backend_calls.py",
    "characterizations": "ionq_facade/resources/_backend_calls.py",
    "sessions": "ionq_facade/resources/_session_calls.py",
    "whoami": "ionq_facade/_client.py",
}

# The rename table of request fields (query parameters and body properties): operationId ->
# {API name: the keyword that supplies it}. `next` is the pager's cursor, never a keyword.
KEYWORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "estimateJob": {"1q_gates": "one_qubit_gates", "2q_gates": "two_qubit_gates"},
    "createJob": {"type": "program", "input": "program"},
    "cancelJobs": {"ids": "jobs"},
    "deleteJobs": {"ids": "jobs"},
}
