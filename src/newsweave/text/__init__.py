"""Text before any model reads it: boilerplate lines and headlines found by their shape."""
