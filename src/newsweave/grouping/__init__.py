"""Stories: group articles into events, in one batch or incrementally in a store."""
