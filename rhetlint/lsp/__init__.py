"""The language server (``rhetlint lsp``); needs the ``lsp`` extra (pygls, lsprotocol)."""
