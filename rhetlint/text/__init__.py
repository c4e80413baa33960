"""Text primitives below the document model: line breaks, tokens, sentences, quotations, inflection.

Everything here works on plain strings and offsets, so the model and the parsers can share it without
importing each other.
"""
