"""The document model: ``Document`` and its spans, and the findings rules report on it.

This layer imports only ``rhetlint.text``; analyses hang off a document through a registry the layers
above fill (see ``rhetlint.model.document.register_analysis``).
"""
