"""``python -m lavrov_corpus``: the same as the ``lavrov-corpus`` command."""

from lavrov_corpus.cli import main

main()
