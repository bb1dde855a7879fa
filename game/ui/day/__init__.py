"""The day screen's parts: floor plan, queue, context panel, top bar, toasts, and the clock."""
