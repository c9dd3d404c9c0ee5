"""Readers: bytes in, `Document`s (or `ErrorRecord`s) out. One module per input kind."""

from newsdump.sources.detect import InputKind, sniff_kind
from newsdump.sources.read import iter_documents, iter_path_documents

__all__ = ["InputKind", "iter_documents", "iter_path_documents", "sniff_kind"]
