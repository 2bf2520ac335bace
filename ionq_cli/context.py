"""What every command shares: the global options, the consoles and the API client.

The API key is read from `IONQ_API_KEY`, or typed at a hidden prompt; there is no flag
for it, so it never lands in shell history or in a process listing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import typer
from rich.console import Console

from ionq_facade import IonQ

from .errors import CliError, ExitCode
from .output import make_console

__all__ = ["CliState", "state_of"]


@dataclass
class CliState:
    base_url: str | None = None
    allow_insecure_http: bool = False
    prompt_key: bool = False
    out: Console = field(default_factory=make_console)
    err: Console = field(default_factory=lambda: make_console(stderr=True))
    # The key once read, so that an error line can be scrubbed of it.
    used_key: str | None = field(default=None, repr=False)

    def api_key(self) -> str:
        """`IONQ_API_KEY`, or a hidden prompt when asked to or when run interactively."""
        key = os.environ.get("IONQ_API_KEY", "")
        if self.prompt_key or (not key and sys.stdin.isatty()):
            key = typer.prompt("IonQ API key", hide_input=True, err=True).strip()
        if not key:
            raise CliError(
                "no API key: set IONQ_API_KEY, or pass --prompt-key to type it", ExitCode.USAGE
            )
        self.used_key = key
        return key

    def redact(self, text: str) -> str:
        """`text` without the API key, should a server have echoed it back."""
        for key in (self.used_key, os.environ.get("IONQ_API_KEY")):
            if key:
                text = text.replace(key, "***")
        return text

    def client(self) -> IonQ:
        return IonQ(
            api_key=self.api_key(),
            base_url=self.base_url,
            allow_insecure_http=self.allow_insecure_http,
        )


def state_of(ctx: typer.Context) -> CliState:
    """The state the root command put on the context (a default one if run alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj
