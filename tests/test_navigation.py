"""The page registry: one entry per page holds its script, title, URL path and parameters."""

from pedatlas import navigation, state
from pedatlas.i18n import all_strings


def test_a_pages_parameters_are_its_registry_entrys_after_the_global_ones():
    referrals = navigation.spec("referrals")
    assert state.params_for("referrals") == state.GLOBAL_PARAMS + referrals.params
    assert [p.name for p in referrals.params] == [
        "alliance",
        "hospital",
        "flow_level",
        "top",
        "min",
        "compare",
    ]
    assert state.params_for("no_such_page") == state.GLOBAL_PARAMS
    names = [p.name for page in navigation.PAGES for p in page.params]
    assert not set(names) & {p.name for p in state.GLOBAL_PARAMS}


def test_every_page_has_a_script_a_title_and_a_distinct_url_path():
    strings = all_strings()
    for page in navigation.PAGES:
        assert page.title_key in strings and page.group_key in strings
        assert page.script == f"pages/{page.key}.py"
    paths = [page.url_path for page in navigation.PAGES]
    assert len(set(paths)) == len(paths)
    assert not {page.url_path for page in navigation.PAGES} & {p.key for p in navigation.PAGES}


def test_parameter_names_do_not_clash_with_the_shared_ones():
    shared = {param.name for param in state.GLOBAL_PARAMS}
    for page in navigation.PAGES:
        names = [param.name for param in page.params]
        assert len(set(names)) == len(names) and not shared & set(names)
