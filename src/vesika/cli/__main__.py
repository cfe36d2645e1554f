"""`python -m vesika.cli` runs the command line (the tests use it to kill a real process)."""

from vesika.cli.app import main

main()
