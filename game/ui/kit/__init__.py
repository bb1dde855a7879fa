"""The drawing kit every screen shares: palette, theme, cached text, icons, sounds, name field."""
