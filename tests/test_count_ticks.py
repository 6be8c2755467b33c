"""Count axes in Chinese read in 万 and 亿 (plotly's own ticks say 500k, 1M)."""

import pytest

from pedatlas.charts import count_ticks, months_stacked_with_line, wan_text


@pytest.mark.parametrize(
    ("largest", "texts"),
    [
        (38_000, ["0", "1万", "2万", "3万", "4万"]),
        (123_456, ["0", "2.5万", "5万", "7.5万", "10万", "12.5万"]),
        (1_600_000, ["0", "50万", "100万", "150万", "200万"]),
        (230_000_000, ["0", "5,000万", "1亿", "1.5亿", "2亿", "2.5亿"]),
    ],
)
def test_ticks_step_in_round_wan(largest, texts):
    ticks = count_ticks(largest, "zh")
    assert ticks["ticktext"] == texts
    assert ticks["tickvals"][-1] >= largest  # the top of the bars is inside the ticks


def test_plotlys_own_ticks_in_english_and_below_ten_thousand():
    assert count_ticks(1_600_000, "en") == {}
    assert count_ticks(9_999, "zh") == {}


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0"), (8_000, "8,000"), (25_000, "2.5万"), (1.5e8, "1.5亿")]
)
def test_wan_text(value, text):
    assert wan_text(value) == text


def test_monthly_bars_axis_counts_the_stacked_height():
    months = [1, 2]
    bars = [("上转", [30_000, 10_000], "#000"), ("下转", [15_000, 5_000], "#111")]
    figure = months_stacked_with_line(months, bars, ("比", [0.5, 0.5]), ("月", "次数"), 300, "zh")
    assert list(figure.layout.yaxis.ticktext) == ["0", "1万", "2万", "3万", "4万", "5万"]
    english = months_stacked_with_line(months, bars, ("r", [0.5, 0.5]), ("m", "n"), 300, "en")
    assert english.layout.yaxis.ticktext is None
