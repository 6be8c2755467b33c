"""The share control: one-click copy of the view's link, the link as text, and a QR code.

The control is reserved where the page draws it but filled only after the page has run and the
URL state is committed (``finish`` in app.py): every widget drawn later on the page, and every map
click, has recorded its value by then, so the link offered is the view on screen.
"""

import functools
import html
import io
import json

import segno
import streamlit as st
import streamlit.components.v1 as components

from pedatlas import view
from pedatlas.present import panels as present

SLOT = "_share_slot"
BUTTON_HEIGHT = 44


def reserve(page: str) -> None:
    """Keep a place for the share control of page; it is drawn by finish()."""
    st.session_state[SLOT] = (page, st.empty())


def finish(base_url: str) -> str | None:
    """Draw the reserved share control with the link of the committed view; returns the link."""
    reserved = st.session_state.pop(SLOT, None)
    if reserved is None:
        return None
    page, slot = reserved
    link = view.link(page, base_url)
    if present.active():  # a room has no use for it; it showed under the projector's deck bar
        return link
    with slot.container():
        copy_button(link)
        with st.popover(view.t("share_qr"), icon=":material/qr_code_2:", width="stretch"):
            st.caption(view.t("copy_link_help"))
            st.image(qr_png(link), caption=view.t("share_qr_caption"), width=220)
            st.code(link, language=None, wrap_lines=True)
    return link


@functools.lru_cache(maxsize=256)
def qr_png(link: str) -> bytes:
    """The link as a QR code image (drawn here, no network); the same link's image is drawn
    once per process (every rerun of every page asks for it: ~7 ms each)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def copy_button(link: str) -> None:
    """A button that copies link in one click, also over plain http on an intranet.

    navigator.clipboard exists only in secure contexts (https, localhost); elsewhere the link is
    selected in a text field and copied with execCommand('copy'), and if even that is refused the
    field stays selected with a hint to press Ctrl+C.
    """
    texts = (view.t("copy_link"), view.t("share_copied"), view.t("share_copy_manually"))
    components.html(copy_button_html(link, *texts), height=BUTTON_HEIGHT)


def copy_button_html(link: str, label: str, copied: str, manual: str) -> str:
    """The self-contained HTML of the copy button (no external script or font)."""
    texts = json.dumps({"link": link, "copied": copied, "manual": manual}, ensure_ascii=False)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body{{margin:0;font-family:"Source Sans Pro","Noto Sans CJK SC",sans-serif;font-size:14px}}
button{{width:100%;height:38px;border:1px solid rgba(49,51,63,.2);border-radius:8px;background:#fff;
cursor:pointer;font:inherit;color:rgb(49,51,63);white-space:nowrap;overflow:hidden;
text-overflow:ellipsis}}
button:hover{{border-color:#ff4b4b;color:#ff4b4b}}
#link{{position:absolute;left:-9999px;width:1px}}
#link.shown{{position:static;width:100%;box-sizing:border-box;margin-top:4px}}
#status{{font-size:12px;color:#555}}
</style></head><body>
<button id="copy" type="button" data-link="{html.escape(link, quote=True)}">{html.escape(label)}</button>
<input id="link" readonly value="{html.escape(link, quote=True)}" aria-label="link">
<span id="status" role="status"></span>
<script>
const texts = {texts};
const field = document.getElementById("link");
const status = document.getElementById("status");
const button = document.getElementById("copy");
const label = button.innerHTML;
function selectField() {{ field.focus(); field.select(); field.setSelectionRange(0, texts.link.length); }}
function legacyCopy() {{
  selectField();
  try {{ return document.execCommand("copy"); }} catch (error) {{ return false; }}
}}
button.addEventListener("click", async () => {{
  let done = false;
  if (navigator.clipboard && window.isSecureContext) {{
    try {{ await navigator.clipboard.writeText(texts.link); done = true; }} catch (error) {{ done = false; }}
  }}
  if (!done) done = legacyCopy();
  if (done) {{
    button.textContent = "\u2713 " + texts.copied;
    document.body.dataset.copied = "1";
    setTimeout(() => {{ button.innerHTML = label; }}, 2500);
  }} else {{
    field.classList.add("shown"); status.textContent = texts.manual; selectField();
    if (window.frameElement) window.frameElement.style.height = document.body.scrollHeight + "px";
  }}
}});
</script></body></html>"""
