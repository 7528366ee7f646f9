"""Huitou (回头客): audit customer-service logs against a playbook of relationship principles."""

__version__ = "0.1.0"
