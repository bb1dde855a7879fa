"""The desktop game: pygame-ce and pygame_gui; the only package that imports pygame."""
