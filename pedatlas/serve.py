"""``python -m pedatlas.serve run app.py [options]``: ``streamlit run`` with two of Streamlit's
server behaviours corrected for how the app is used.

- Navigation from the very first request. Streamlit decides once per process, before its first
  script run, whether an app with a ``pages/`` folder is an old-style multipage app. Until
  ``st.navigation`` has run once it treats it as one: the first link a fresh server receives (say
  ``/map?region=360000``, pasted from a meeting invitation) is looked up among the file names in
  ``pages/``, answered with a "Page not found" dialog, and the page under the dialog cannot be
  clicked. app.py always navigates with ``st.navigation`` (which clears this flag on its first
  call), so the flag is cleared here before the server starts.
- Downloads that survive other users. A download built when clicked (the app's CSV and XLSX
  buttons) is stored without a reference to the session that asked for it, and every script run
  of any session ends by dropping unreferenced files (the second time it sees them). With a few
  users working, the file was gone before the browser fetched it: 404. The file is now referenced
  by its session, like a file built during the run, until that session's next run.
"""

import functools
import logging
from pathlib import PurePosixPath

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

log = logging.getLogger(__name__)


def keep_deferred_files_for_their_session() -> None:
    """Make MediaFileManager.execute_deferred reference the file it builds under the session
    that registered the button (idempotent)."""
    original = MediaFileManager.execute_deferred
    if getattr(original, "keeps_session_ref", False):
        return

    @functools.wraps(original)
    def execute_deferred(self: MediaFileManager, file_id: str) -> str:
        url = original(self, file_id)
        built = PurePosixPath(url).stem  # storage URLs end in <file id><extension>
        with self._lock:
            entry = self._deferred_callables.get(file_id)
            if entry is None or built not in self._file_metadata:
                log.warning("download %s not kept for its session: unexpected URL %s", file_id, url)
                return url
            coordinates = f"{entry['coordinates']}:built:{file_id}"
            self._files_by_session_and_coord[entry["session_id"]][coordinates] = built
        return url

    execute_deferred.keeps_session_ref = True  # type: ignore[attr-defined]
    MediaFileManager.execute_deferred = execute_deferred  # type: ignore[method-assign]


def main() -> None:
    PagesManager.uses_pages_directory = False
    keep_deferred_files_for_their_session()
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
