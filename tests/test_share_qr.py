"""The share control's QR code: the view's link, decoded back; drawn once per link."""

import io

import numpy as np
from PIL import Image

from pedatlas import share

LINK = "http://10.0.0.5:8501/referrals?region=360000&alliance=JX&year=2024"


def test_qr_image_is_a_png_drawn_once_per_link():
    share.qr_png.cache_clear()
    first = share.qr_png(LINK)
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert share.qr_png(LINK) is first  # a rerun of the same view reuses the image
    assert share.qr_png(LINK + "&lang=en") != first
    assert share.qr_png.cache_info().hits == 1


def test_qr_image_has_the_quiet_border_and_dark_modules():
    pixels = np.asarray(Image.open(io.BytesIO(share.qr_png(LINK))).convert("L"))
    assert pixels.shape[0] == pixels.shape[1]
    assert pixels[:12, :].min() == 255  # border=2 modules of scale 6: white
    assert (pixels == 0).mean() > 0.3
