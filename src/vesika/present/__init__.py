"""Present: the self-contained HTML report and the JSON outputs (later: web app, exports)."""
