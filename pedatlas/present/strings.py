"""Strings of projector mode."""

STRINGS = {
    "present_toggle": ("投影模式", "Projector mode"),
    "present_toggle_help": (
        "全屏大字号演示：隐藏侧栏与表格，翻页笔或键盘 PageDown / → 前进，PageUp / ← 后退，Esc 退出。",
        "Full-screen, large type: sidebar and tables hidden; a clicker or PageDown / → moves on, "
        "PageUp / ← goes back, Esc leaves.",
    ),
    "present_exit": ("退出投影 (Esc)", "Leave projector (Esc)"),
    "present_last": ("最后一页", "Last page"),
}
