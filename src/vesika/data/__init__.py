"""Shipped knowledge: lexicon, authority files, calendars — human-editable, each entry sourced."""
