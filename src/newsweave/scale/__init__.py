"""Corpus-scale engines: the same stage functions, mapped over batches (Ray Data)."""
