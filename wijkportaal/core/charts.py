"""SVG chart geometry, computed in Python so templates only place numbers (the progress
monitor's and the answer times' bar charts share it). The template draws, per bar, a track
of `bar_width` and a bar of `width` at `y`, the label at (0, `text_y`) and the value at
(`value_x`, `text_y`), in a viewBox of `width` × `height`."""

from __future__ import annotations

from typing import Any


def percentage_bars(
    items: list[dict[str, Any]],
    *,
    value: str,
    label_width: int = 150,
    bar_width: int = 300,
    bar_height: int = 22,
    gap: int = 10,
) -> dict[str, Any]:
    """Horizontal bars for percentages: each item (a dict whose `value` key holds 0–100, or
    None for no figure) comes back with its geometry added."""
    bars = []
    for index, item in enumerate(items):
        top = index * (bar_height + gap)
        bars.append(
            {
                **item,
                "y": top,
                "text_y": top + bar_height - 6,
                "width": round(bar_width * (item[value] or 0) / 100, 1),
                "value_x": label_width + bar_width + 8,
            }
        )
    return {
        "bars": bars,
        "bar_height": bar_height,
        "label_width": label_width,
        "bar_width": bar_width,
        "width": label_width + bar_width + 50,
        "height": max(len(items) * (bar_height + gap), bar_height),
    }
