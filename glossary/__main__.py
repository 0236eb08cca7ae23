"""``python -m glossary`` runs the command line."""

from glossary.cli import main

main()
