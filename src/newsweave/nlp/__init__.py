"""The language layer: one spaCy pass per story, its parse as plain data, places, numbers."""
