"""One module per verb: ``add_parser(subparsers)`` and ``run(args) -> exit code``."""
