"""Link: work across documents — clause lineage (later: chronology, corroboration, outcomes)."""
