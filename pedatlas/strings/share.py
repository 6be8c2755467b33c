"""Strings of the share control (copy link, QR code) and of link notices."""

STRINGS = {
    "share_qr": ("二维码", "QR code"),
    "share_qr_caption": ("手机扫码打开当前视图", "Scan with a phone to open this view"),
    "share_copied": ("已复制", "Copied"),
    "share_copy_manually": (
        "浏览器不允许自动复制：链接已选中，请按 Ctrl+C 复制。",
        "The browser does not allow copying here: the link is selected, press Ctrl+C.",
    ),
}
