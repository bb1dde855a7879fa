"""Where the stations are on the floor plan, and how far apart (walking costs time)."""

from __future__ import annotations

# Positions in floor-plan steps (about a metre each). Exam rooms are laid along the top
# wall from left to right; the window's floor plan draws from these same numbers.
FIXED_STATIONS: dict[str, tuple[int, int]] = {
    "front_desk": (4, 14),
    "waiting_room": (2, 19),
    "workstation": (11, 14),
    "lab": (19, 14),
    "supply": (14, 19),
    "fridge": (19, 19),
    "provider_office": (25, 14),
}
ROOM_Y = 5
ROOM_X0 = 4
ROOM_PITCH = 6


class Layout:
    """Station positions for one clinic (its rooms), and walking distances between them."""

    def __init__(self, room_ids: list[str]) -> None:
        self.positions: dict[str, tuple[int, int]] = dict(FIXED_STATIONS)
        for i, room in enumerate(room_ids):
            self.positions[f"room:{room}"] = (ROOM_X0 + ROOM_PITCH * i, ROOM_Y)

    def steps(self, a: str, b: str) -> int:
        """Walking distance in steps: along corridors, so Manhattan distance."""
        (ax, ay), (bx, by) = self.positions[a], self.positions[b]
        return abs(ax - bx) + abs(ay - by)
