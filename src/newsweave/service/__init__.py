"""The newsroom service: ``newsweave watch`` keeps a store current from feeds, and
``newsweave serve`` reads it as web pages and a JSON API (docs/service.md)."""
