"""No user value reaches SQL except as a bound parameter.

Scans every Python file of the package, the pages, app.py, the scripts and benchmarks for SQL
text built with f-strings, ``%``, ``+`` or ``.format`` (a string that holds SQL keywords and is
assembled from expressions), and every file in queries/ for templating. Each Python site that
builds SQL must be listed below with exactly the expressions it interpolates; those are
identifiers from code (catalog constants, registered table and column names) or file paths
from the operator's configuration, never a value a user typed, uploaded or put in a link. A new
site, or a new expression at a listed site, fails this test until someone checks it and lists it.
"""

import ast
import re

from pedatlas.paths import PROJECT_ROOT, QUERIES_DIR

SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|ATTACH|DETACH|CREATE|DROP|ALTER|COPY|PRAGMA|DESCRIBE|"
    r"USE|FROM|WHERE|EXPORT|INSTALL|LOAD)\b"
)
SCANNED = ("app.py", "pedatlas", "pages", "benchmarks", "scripts")

# file -> expressions it may interpolate into SQL, and why they are safe.
ALLOWED: dict[str, set[str]] = {
    # operator-configured database paths (quotes doubled) and the catalog name constants
    "pedatlas/db.py": {"_quoted(path)", "CATALOG", "SOURCE_CATALOG"},
    # the importer's copy path (made by the importer), tables and columns from its registry
    "pedatlas/importer/apply.py": {
        "_quoted(temp)",
        "table.name",
        "table",
        "columns",
        "column",
        "selected",
        "_cast(table.name, column)",
        "keys",
        "select",
        "key_match",
        "assignments",
        "source",
        "target",
        "names",
        "', '.join(columns)",
        "figures",
        "same_figures",
    },
    "pedatlas/importer/validation.py": {
        "', '.join(wanted)",
        "id_column",
        "table",
        "marks",
        "column",
        "columns",
        "key",
        "keys",
        "select",
        "name",
        "table.name",
        "key_match",
        "joins",
        "parent",
        "child",
        "target",
        "batch.table.name",
        # key comparisons over registry columns (uploaded values come in as a registered table)
        "shown",
        "same",
        "differs",
        "', '.join(key)",
    },
    "pedatlas/importer/export.py": {
        "table",
        "columns",
        "select",
        "order",
        "table.name",
        "', '.join(columns)",
    },
    # registered tables/columns and the constant bounds of China's longitude and latitude
    "pedatlas/importer/quality.py": {
        "table",
        "column",
        "name",
        "parent",
        "child",
        "columns",
        "low_lon",
        "high_lon",
        "low_lat",
        "high_lat",
        "expression",
        "target",
        "target_id",
    },
    "pedatlas/importer/plan.py": {"table", "table.name"},
    # registered rollup SQL and the catalog the importer or build names
    "pedatlas/build/derived.py": {
        "catalog",
        "table.name",
        "table.sql",
        "previous",
        "name",  # _count's table name: a registry entry's
    },
    # the builder's own table names from schema.sql
    "pedatlas/build/pipeline.py": {"table"},
    "benchmarks/bench_flows.py": {"table"},
    "benchmarks/bench_alliances.py": {"table"},
    # a sample size (an int) and the CSV file the benchmark writes: COPY takes neither as a parameter
    "benchmarks/bench_import.py": {"int(rows)", "referrals"},
}


def python_files():
    for name in SCANNED:
        root = PROJECT_ROOT / name
        yield from ([root] if root.is_file() else sorted(root.rglob("*.py")))


def _constant_text(node: ast.AST) -> str:
    return "".join(
        part.value
        for part in ast.walk(node)
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    )


def built_sql(tree: ast.AST, source: str):
    """(line, interpolated expression) for every SQL string assembled from expressions."""
    for node in ast.walk(tree):
        parts: list[ast.expr] = []
        if isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
            sides = (node.left, node.right)
            if any(isinstance(s, ast.Constant) and isinstance(s.value, str) for s in sides):
                parts = [
                    s for s in sides if not isinstance(s, (ast.Constant, ast.JoinedStr, ast.BinOp))
                ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
        ):
            parts = list(node.args) + [k.value for k in node.keywords]
        if parts and isinstance(node, ast.expr) and SQL_WORDS.search(_constant_text(node)):
            for part in parts:
                yield node.lineno, ast.get_source_segment(source, part)


def test_python_builds_sql_only_from_listed_identifiers():
    found = []
    for path in python_files():
        source = path.read_text("utf-8")
        relative = str(path.relative_to(PROJECT_ROOT))
        for line, expression in built_sql(ast.parse(source), source):
            if expression not in ALLOWED.get(relative, set()):
                found.append(f"{relative}:{line}: {expression}")
    assert found == [], "SQL built from expressions (bind them as $parameters):\n" + "\n".join(
        found
    )


def test_the_scanner_catches_string_built_sql():
    source = """
def bad(connection, region):
    connection.execute(f"SELECT * FROM regions WHERE adcode = '{region}'")
    connection.execute("SELECT * FROM regions WHERE adcode = '%s'" % region)
    connection.execute("SELECT * FROM regions WHERE adcode = " + region)
    connection.execute("SELECT * FROM regions WHERE adcode = '{}'".format(region))
    connection.execute("SELECT * FROM regions WHERE adcode = $region", {"region": region})
    message = f"Region {region} is unknown"
"""
    assert [expr for _, expr in built_sql(ast.parse(source), source)] == ["region"] * 4


def test_query_files_use_only_named_parameters():
    problems = []
    for path in sorted(QUERIES_DIR.rglob("*.sql")):
        code = "\n".join(line.split("--", 1)[0] for line in path.read_text("utf-8").splitlines())
        name = path.relative_to(QUERIES_DIR)
        if re.search(r"\{\w*\}|%s|%\(\w+\)|\?", code):
            problems.append(f"{name}: templating placeholder")
        if any(re.search(r"\$[a-z_]", text) for text in re.findall(r"'(?:[^']|'')*'", code)):
            problems.append(f"{name}: a $parameter inside quotes is text, not a parameter")
        if re.search(r"\b(query|query_table)\s*\([^)]*\$", code, re.I):
            problems.append(f"{name}: a parameter used as SQL text (query/query_table)")
    assert problems == []
