"""The screens of the game: title, the day, forms, pause, help and debrief."""
