"""Templates, static assets and UI strings of the web pages (package data)."""
