"""Linting: configuration, finding files, running rules over a document, suppressions, sessions."""
