"""The training handbook: an MkDocs plugin that turns the playbook into site pages."""
