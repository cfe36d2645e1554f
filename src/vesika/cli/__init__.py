"""The `vesika` command line."""
