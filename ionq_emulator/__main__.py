"""``python -m ionq_emulator`` / ``ionq-emulator``: serve the emulator on loopback, or
``ionq-emulator check-cassettes PATH... [--spec FILE]``: check recorded cassettes
against the contract (exit 1 on any violation).

Needs only the emulator extra (argparse, no typer); ``ionq emulator`` serves with the
same options.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

__all__ = ["main"]


def _serve(argv: Sequence[str]) -> int:
    from ionq_emulator.server import main as serve

    return serve(list(argv))


def _check_cassettes(argv: Sequence[str]) -> int:
    # (written in parallel: the ignore keeps mypy quiet until the module exists)
    from ionq_emulator.cassettes import main as check  # type: ignore[import-not-found,unused-ignore]

    status: int = check(argv)
    return status


# Subcommands by their first argument; anything else is the server's own options.
SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {"check-cassettes": _check_cassettes}
HELP_EPILOG = (
    "Also: ionq-emulator check-cassettes PATH... [--spec FILE] checks recorded cassettes "
    "against the contract (see its --help)."
)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    if args[:1] in (["-h"], ["--help"]):
        from ionq_emulator.server import build_parser

        parser = build_parser()
        parser.epilog = HELP_EPILOG
        parser.print_help()
        return 0
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
