"""The language server (``rhetlint lsp``); needs the ``lsp`` extra: ``pip install "rhetlint[lsp]"`` (pygls, lsprotocol)."""
