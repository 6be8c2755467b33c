"""The map view of a footprint: longitude/latitude ranges around a set of points.

Flow maps of one alliance or hospital draw on a national base map; fitting the view to every
drawn shape would show the footprint as a tiny blob, so the view is set to the footprint's points.
"""

from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go

from pedatlas import figure_layout

PAD_SHARE = 0.12  # margin on each side, as a share of the footprint's span
MIN_SPAN_DEG = 1.5  # a single city's footprint still shows its surroundings


def footprint_ranges(
    lon: Iterable, lat: Iterable, pad_share: float = PAD_SHARE, min_span: float = MIN_SPAN_DEG
) -> tuple[list[float], list[float]] | None:
    """([lon_min, lon_max], [lat_min, lat_max]) around the points with a margin, or None if none."""
    lon = np.asarray([v for v in lon if v is not None], dtype=float)
    lat = np.asarray([v for v in lat if v is not None], dtype=float)
    keep = ~(np.isnan(lon) | np.isnan(lat)) if lon.size == lat.size else np.array([], bool)
    if not keep.any():
        return None
    return _padded(lon[keep], pad_share, min_span), _padded(lat[keep], pad_share, min_span)


def _padded(values: np.ndarray, pad_share: float, min_span: float) -> list[float]:
    low, high = float(values.min()), float(values.max())
    span = max(high - low, min_span)
    middle = (low + high) / 2
    half = span * (0.5 + pad_share)
    return [round(middle - half, 4), round(middle + half, 4)]


def zoom_to_footprint(figure: go.Figure, lon: Iterable, lat: Iterable) -> go.Figure:
    """Set the map's view to the points' footprint (leaves the figure as is when there are none)."""
    ranges = footprint_ranges(lon, lat)
    if ranges is None:
        return figure
    geo = {"fitbounds": False, "lonaxis": {"range": ranges[0]}, "lataxis": {"range": ranges[1]}}
    return figure_layout.update_layout(figure, geo=geo)
