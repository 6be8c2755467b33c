"""Small helpers shared by test modules."""


def scalar(connection, sql: str, params=None):
    """The single value a query returns."""
    return connection.execute(sql, params or []).fetchone()[0]


def rows(connection, sql: str, params=None) -> list[tuple]:
    """All rows a query returns, as tuples."""
    return connection.execute(sql, params or []).fetchall()
