"""Reading interaction logs: files in, one table of raw rows with file and line out."""
