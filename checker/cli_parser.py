"""An argument parser that answers a mistyped command, flag or choice with "did you mean"."""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Sequence
from typing import Any, NoReturn

_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


def closest(word: str, options: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return found[0] if found else None


class SuggestingParser(argparse.ArgumentParser):
    """``argparse`` with a "did you mean" hint on unknown flags and invalid choices (commands
    included); the exit code stays 2."""

    def error(self, message: str) -> NoReturn:
        m = _CHOICE.search(message)
        if m:
            guess = closest(m.group(1), re.findall(r"'([^']*)'", m.group(2)))
            if guess:
                message += f"; did you mean '{guess}'?"
        super().error(message)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self._chosen_subparser(parsed) or self
            hints = [
                f"'{word}': did you mean '{guess}'?"
                for word in extras
                if word.startswith("-")
                and (guess := closest(word.split("=")[0], list(parser._option_string_actions)))
            ]
            message = f"unrecognized arguments: {' '.join(extras)}"
            parser.error(message + ("; " + "; ".join(hints) if hints else ""))
        return parsed

    def _chosen_subparser(self, parsed: argparse.Namespace) -> argparse.ArgumentParser | None:
        """The innermost subcommand's parser (``handbook serve``), whose flags are the ones
        a mistyped flag was meant as."""
        parser: argparse.ArgumentParser = self
        found = None
        while True:
            subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            if not subs:
                return found
            name = getattr(parsed, subs[0].dest, None)
            if name not in subs[0].choices:
                return found
            parser = found = subs[0].choices[name]
