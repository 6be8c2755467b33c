"""The page registry and the parameter registry describe the same pages."""

from pedatlas import navigation, state
from pedatlas.i18n import all_strings


def test_every_page_has_its_parameters_and_every_parameter_set_a_page():
    assert sorted(page.key for page in navigation.PAGES) == sorted(state.PAGE_PARAMS)


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
