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


def trend_line(
    points: list[dict[str, Any]],
    *,
    value: str,
    label: str,
    width: int = 240,
    height: int = 80,
    pad: int = 6,
    ceiling: float | None = None,
) -> dict[str, Any]:
    """A small line chart of values over time (oldest first): each point (a dict whose `value`
    key holds a number, or None for no figure) comes back with `x` and `y`; `polyline` is the
    SVG points attribute of the line through the points that have a figure. The scale runs
    from 0 to the largest value (or `ceiling`, when larger)."""
    numbers = [float(point[value]) for point in points if point[value] is not None]
    top = max(numbers + [float(ceiling or 0), 1.0])
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    placed = []
    for index, point in enumerate(points):
        figure = point[value]
        y = None
        if figure is not None:
            y = round(height - pad - (height - 2 * pad) * float(figure) / top, 1)
        placed.append({**point, "x": round(pad + index * step, 1), "y": y, "label": point[label]})
    return {
        "points": placed,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in placed if p["y"] is not None),
        "width": width,
        "height": height,
        "baseline": height - pad,
    }
