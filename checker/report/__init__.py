"""Audit reports: one data model, one small module per output format."""
