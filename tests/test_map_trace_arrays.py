"""Map traces pass ids and hover text to plotly as arrays (no item-by-item check), with the
same figure JSON as lists would give."""

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from pedatlas import map_traces


def test_text_array_keeps_texts_and_makes_none_empty():
    texts = map_traces.text_array(["<b>东城区</b>", None, "460301"])
    assert texts.dtype.kind == "U"
    assert texts.tolist() == ["<b>东城区</b>", "", "460301"]


def test_class_trace_json_is_what_lists_give():
    frame = pd.DataFrame({"adcode": ["110101", "460301"]})
    trace = map_traces.class_trace("units", frame, np.array([0, -1]), ["#fff"], ["甲", "乙：1.5"])
    listed = go.Choropleth(
        geojson="units",
        locations=["110101", "460301"],
        hovertext=["甲", "乙：1.5"],
        z=trace.z,
    )
    shown = json.loads(pio.to_json(go.Figure(trace), validate=False))["data"][0]
    expected = json.loads(pio.to_json(go.Figure(listed), validate=False))["data"][0]
    assert shown["locations"] == expected["locations"] == ["110101", "460301"]
    assert shown["hovertext"] == expected["hovertext"] == ["甲", "乙：1.5"]
