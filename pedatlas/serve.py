"""``python -m pedatlas.serve run app.py [options]``: ``streamlit run`` with app.py's navigation from
the very first request.

Streamlit decides once per process, before its first script run, whether an app with a ``pages/``
folder is an old-style multipage app. Until ``st.navigation`` has run once it treats it as one: the
first link a fresh server receives (say ``/map?region=360000``, pasted from a meeting invitation)
is looked up among the file names in ``pages/``, answered with a "Page not found" dialog, and the
page under the dialog cannot be clicked. app.py always navigates with ``st.navigation`` (which
clears this flag on its first call), so the flag is cleared here before the server starts.
"""

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli


def main() -> None:
    PagesManager.uses_pages_directory = False
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
