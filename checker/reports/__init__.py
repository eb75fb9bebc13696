"""Report formats: each module renders a list of results for one kind of reader."""
