"""Facts across outlets: statements aligned into facts, and where the reports differ."""
