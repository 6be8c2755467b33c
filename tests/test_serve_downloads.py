"""A download built on click stays until its own session runs again, whatever other sessions do
(Streamlit dropped it after two runs of anyone: under load the browser's GET got 404)."""

import pytest
from streamlit.runtime import media_file_manager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from pedatlas import serve


@pytest.fixture
def manager(monkeypatch):
    monkeypatch.setattr(MediaFileManager, "execute_deferred", MediaFileManager.execute_deferred)
    serve.keep_deferred_files_for_their_session()
    serve.keep_deferred_files_for_their_session()  # twice: still one wrapper
    storage = MemoryMediaFileStorage("/media")
    return MediaFileManager(storage), storage


def clicked(manager: MediaFileManager, monkeypatch, session: str) -> str:
    """The stored file id of a download that session's button built when clicked."""
    monkeypatch.setattr(media_file_manager, "_get_session_id", lambda: session)
    placeholder = manager.add_deferred(lambda: b"PK\x03\x04 xlsx", None, "1.2.3", "t.xlsx")
    url = manager.execute_deferred(placeholder)
    return url.removeprefix("/media/").split(".")[0]


def test_other_sessions_runs_do_not_drop_a_clicked_download(manager, monkeypatch):
    files, storage = manager
    built = clicked(files, monkeypatch, "alice")
    for _ in range(5):  # runs of other users end, each dropping unreferenced files
        files.remove_orphaned_files()
    assert storage.get_file(built).content.startswith(b"PK")


def test_the_sessions_next_run_lets_it_go(manager, monkeypatch):
    files, storage = manager
    built = clicked(files, monkeypatch, "alice")
    files.clear_session_refs("alice")  # alice's next run starts
    files.remove_orphaned_files()
    files.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        storage.get_file(built)


def test_without_the_fix_streamlit_drops_it(monkeypatch):
    """What the fix is for: Streamlit's own execute_deferred, two runs of anyone, 404."""
    storage = MemoryMediaFileStorage("/media")
    files = MediaFileManager(storage)
    original = getattr(MediaFileManager.execute_deferred, "__wrapped__", None)
    monkeypatch.setattr(
        MediaFileManager, "execute_deferred", original or MediaFileManager.execute_deferred
    )
    built = clicked(files, monkeypatch, "alice")
    files.remove_orphaned_files()
    files.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        storage.get_file(built)
