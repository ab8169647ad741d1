"""The cited summary: extractive by default, optionally written by an LLM and checked."""
