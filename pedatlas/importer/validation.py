"""Checks before anything is written: pandera for values within a file, SQL/numpy across tables."""

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pandera.pandas as pa
import shapely

from pedatlas.importer.batches import ROW, Batch
from pedatlas.importer.columns import (
    DATE,
    DATETIME,
    INTEGER,
    TABLES,
    TEXT,
    YEAR_RANGE,
    Column,
    Table,
    references_to,
)
from pedatlas.importer.problems import cell_problems, concat_problems, empty_problems
from pedatlas.tiers import TIERS, referral_direction

REPLACE, APPEND = "replace", "append"
EARTH_RADIUS_KM = 6371.0088
DISTANCE_TOLERANCE = 0.01  # a route may be 1% shorter than the great circle (rounding, datum)
COUNTY_TOLERANCE_DEG = 0.005  # ~500 m: points on a simplified county border still count inside
CHECK_REASONS = {
    "not_nullable": "missing_value",
    "field_uniqueness": "duplicate_id",
    "multiple_fields_uniqueness": "duplicate_id",
}
WIDE_CHECK_COLUMNS = {"arrived_before_dispatched": "arrived_at", "left_before_joined": "left_on"}
REFERENCE_REASONS = {"hospitals": "unknown_hospital", "alliances": "unknown_alliance"}
SQL_INTEGER_RANGES = {
    "TINYINT": (-(2**7), 2**7 - 1),
    "SMALLINT": (-(2**15), 2**15 - 1),
    "INTEGER": (-(2**31), 2**31 - 1),
    "BIGINT": (-(2**63), 2**63 - 1),
    "UTINYINT": (0, 2**8 - 1),
    "USMALLINT": (0, 2**16 - 1),
    "UINTEGER": (0, 2**32 - 1),
}


@dataclass
class TableChange:
    """What an import does to one table: rows added, replaced (same key), removed, rejected."""

    table: str
    mode: str
    rows: int
    added: int = 0
    replaced: int = 0
    removed: int = 0
    rejected: int = 0
    year: int | None = None  # hospital_resources: the year written


# --- checks within the files (pandera) -------------------------------------------------------


def table_schema(table: Table, now: pd.Timestamp) -> pa.DataFrameSchema:
    """The pandera schema of a typed batch: required cells, ranges, choices, dates, unique keys."""
    single_key = table.key if len(table.key) == 1 else ()
    columns = {
        column.key: pa.Column(
            nullable=column.nullable or column.computed or not column.required,
            checks=column_checks(column, now),
            unique=column.key in single_key,
            report_duplicates="exclude_first",
        )
        for column in table.columns
    }
    return pa.DataFrameSchema(
        columns,
        checks=frame_checks(table),
        unique=list(table.key) if len(table.key) > 1 else None,
        report_duplicates="exclude_first",
    )


def column_checks(column: Column, now: pd.Timestamp) -> list[pa.Check]:
    """The value checks of one column, each named by its reason key."""
    checks = []
    if column.choices:
        allowed = list(column.choices)
        checks.append(pa.Check(lambda s: s.isin(allowed), name="bad_choice"))
    if column.non_negative:
        checks.append(pa.Check(lambda s: s >= 0, name="negative_count"))
    if column.bounds:
        low, high = column.bounds
        checks.append(pa.Check(lambda s: s.between(low, high), name="outside_china"))
    if column.is_year:
        checks.append(pa.Check(lambda s: s.between(*YEAR_RANGE), name="bad_year"))
    if column.kind in (DATE, DATETIME):
        limit = now.normalize() if column.kind == DATE else now
        checks.append(pa.Check(lambda s: s <= limit, name="future_date"))
    return checks


def frame_checks(table: Table) -> list[pa.Check]:
    """Checks that compare two columns of the same row."""
    if table.name == "transfers":
        return [
            pa.Check(
                lambda d: ~(d["arrived_at"] < d["dispatched_at"]), name="arrived_before_dispatched"
            )
        ]
    if table.name == "alliance_members":
        return [pa.Check(lambda d: ~(d["left_on"] < d["joined_on"]), name="left_before_joined")]
    return []


def file_problems(batch: Batch, now: pd.Timestamp) -> pd.DataFrame:
    """Problems within a batch: pandera's, look-alike duplicate keys, the table's row rules."""
    frame = batch.frame[batch.table.keys]
    found = [lookalike_duplicates(batch), *row_rule_problems(batch)]
    try:
        table_schema(batch.table, now).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        found.append(failure_problems(batch, error.failure_cases))
    return concat_problems(found)


def folded_keys(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The key columns with id text lower-cased, so that 'h000882' equals 'H000882'."""
    return pd.DataFrame(
        {
            column: frame[column].str.lower() if frame[column].dtype != "Int64" else frame[column]
            for column in key
        }
    )


def lookalike_duplicates(batch: Batch) -> pd.DataFrame:
    """Rows whose key equals an earlier row's when case is ignored (exact repeats: pandera)."""
    key = list(batch.table.key)
    if not key or not len(batch):
        return empty_problems()
    folded = folded_keys(batch.frame, key)
    repeated = folded.duplicated(keep="first") & ~batch.frame[key].duplicated(keep="first")
    positions = np.flatnonzero(repeated.to_numpy())
    if not len(positions):
        return empty_problems()
    first = batch.frame[ROW].groupby([folded[c] for c in key], dropna=False, sort=False)
    first_rows = first.transform("first").to_numpy()[positions].astype(str)
    return cell_problems(positions, key[0], "duplicate_id", first_rows)


def row_rule_problems(batch: Batch) -> list[pd.DataFrame]:
    """The problems of the table's row rules (rules.py), one frame per rule."""
    found = []
    for rule in batch.table.row_rules:
        failures = rule.failures(batch.frame)
        positions = np.flatnonzero(failures.mask)
        if not len(positions):
            continue
        problems = cell_problems(positions, rule.column, rule.reason, failures.details)
        if failures.values is not None:
            problems["value"] = failures.values
        found.append(problems)
    return found


def failure_problems(batch: Batch, failures: pd.DataFrame) -> pd.DataFrame:
    """pandera failure cases as problems: one per row, column and reason."""
    failures = failures[failures["index"].notna()]
    reasons = failures["check"].map(CHECK_REASONS).fillna(failures["check"])
    columns = reasons.map(WIDE_CHECK_COLUMNS).fillna(failures["column"])
    problems = pd.DataFrame(
        {"pos": failures["index"].astype(np.int64), "column": columns, "reason": reasons}
    ).drop_duplicates()
    key = batch.table.key
    if len(key) > 1:  # one problem per duplicate row, named by its first key column
        duplicate = problems["reason"] == "duplicate_id"
        problems = problems[~duplicate | (problems["column"] == key[0])]
    problems["detail"] = allowed_values(batch.table, problems)
    return _with_first_rows(batch, problems.reset_index(drop=True))


def allowed_values(table: Table, problems: pd.DataFrame) -> pd.Series:
    """For bad_choice problems, the allowed values of the column; else None."""
    allowed = {column.key: "、".join(column.choices) for column in table.columns if column.choices}
    detail = problems["column"].map(allowed)
    return detail.where(problems["reason"] == "bad_choice").astype(object)


def _with_first_rows(batch: Batch, problems: pd.DataFrame) -> pd.DataFrame:
    duplicate = problems["reason"] == "duplicate_id"
    if not duplicate.any():
        return problems
    key = list(batch.table.key)
    first_row = batch.frame.groupby(key, dropna=False, sort=False)["__row"].transform("first")
    problems.loc[duplicate, "detail"] = first_row.to_numpy()[
        problems.loc[duplicate, "pos"].to_numpy()
    ].astype(str)
    return problems


# --- checks against the database and the other files of the plan --------------------------------


class Lookups:
    """What the database will hold after the plan: ids, tiers and places, read once."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, batches: dict, mode: str):
        self.connection = connection
        self.batches = batches
        self.mode = mode
        self._hospitals: pd.DataFrame | None = None

    def sql(self, query: str, params=None) -> pd.DataFrame:
        """A query's result over the database (catalog atlas)."""
        return self.connection.execute(query, params).df()

    def hospitals(self) -> pd.DataFrame:
        """hospital_id, tier, lon, lat of every hospital after the plan, indexed by id."""
        if self._hospitals is None:
            wanted = ["hospital_id", "tier", "lon", "lat"]
            stored = self.sql(f"SELECT {', '.join(wanted)} FROM atlas.hospitals")
            incoming = self.batches.get("hospitals")
            if incoming is not None:
                new = incoming.frame[wanted]
                stored = new if self.mode == REPLACE else _stacked(stored, new)
            stored = stored.dropna(subset=["hospital_id"]).drop_duplicates(
                "hospital_id", keep="last"
            )
            self._hospitals = stored.set_index("hospital_id")
        return self._hospitals

    def ids(self, table: str) -> pd.Index:
        """The ids of the table (hospitals or alliances) after the plan."""
        if table == "hospitals":
            return self.hospitals().index
        id_column = TABLES[table].key[0]
        stored = self.sql(f"SELECT {id_column} FROM atlas.{table}")[id_column]
        incoming = self.batches.get(table)
        if incoming is not None:
            new = incoming.frame[id_column].dropna()
            stored = new if self.mode == REPLACE else pd.concat([stored, new])
        return pd.Index(stored.astype("str").unique())

    def region_codes(self, levels: tuple[str, ...]) -> pd.Index:
        """adcodes of the regions at these levels."""
        marks = ", ".join("?" for _ in levels)
        codes = self.sql(f"SELECT adcode FROM atlas.regions WHERE level IN ({marks})", list(levels))
        return pd.Index(codes["adcode"].astype("str"))

    def latest_resource_year(self) -> int | None:
        """The latest year in hospital_resources, or None when it is empty."""
        sql = "SELECT max(year) FROM atlas.hospital_resources"
        value = self.connection.execute(sql).fetchall()[0][0]
        return None if value is None else int(value)


def _stacked(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    if first.empty:
        return second.reset_index(drop=True)
    return pd.concat([first.astype(second.dtypes.to_dict()), second], ignore_index=True)


def database_problems(
    batches: dict[str, Batch],
    mode: str,
    connection: duckdb.DuckDBPyConnection,
    now: pd.Timestamp,
) -> tuple[dict[str, pd.DataFrame], dict[str, TableChange]]:
    """Problems of each batch against the database and the other batches.

    Also completes computed columns (hospital year, referral direction and distance) and marks
    the rows whose key is already stored (batch.matched), in place; returns the problems per table
    and the change to hospital_resources when hospitals are imported.
    """
    lookups = Lookups(connection, batches, mode)
    problems: dict[str, pd.DataFrame] = {}
    changes: dict[str, TableChange] = {}
    for name, batch in batches.items():
        found = [sql_range_problems(batch, connection), reference_problems(batch, lookups)]
        found += table_specific_problems(batch, lookups, now)
        batch.matched = matched_mask(batch, connection)
        if mode == APPEND and batch.table.key:
            duplicates = np.flatnonzero(batch.matched)
            found.append(cell_problems(duplicates, batch.table.key[0], "duplicate_in_db"))
            found.append(stored_lookalikes(batch, connection))
        problems[name] = concat_problems(found)
    if "hospitals" in batches:
        changes["hospital_resources"] = resource_change(batches["hospitals"], mode, connection)
    return problems, changes


def sql_range_problems(batch: Batch, connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Whole numbers outside the range of their column's SQL type (e.g. INTEGER: 32 bits)."""
    types = dict(
        connection.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = 'atlas' AND schema_name = 'main' AND table_name = ?",
            [batch.table.name],
        ).fetchall()
    )
    found = []
    for column in batch.table.columns:
        bounds = SQL_INTEGER_RANGES.get(types.get(column.key, ""))
        if column.kind != INTEGER or bounds is None:
            continue
        values = batch.frame[column.key]
        outside = (values.notna() & ((values < bounds[0]) | (values > bounds[1]))).fillna(False)
        positions = np.flatnonzero(outside.to_numpy(dtype=bool))
        detail = f"{bounds[0]:,} … {bounds[1]:,}"
        found.append(cell_problems(positions, column.key, "integer_out_of_range", detail))
    return concat_problems(found)


def reference_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Rows whose hospital or alliance id is not in that table after the plan.

    An id that differs from a known one only in case is reported as a look-alike of it.
    """
    found = []
    for column, target in batch.table.references.items():
        values = batch.frame[column]
        known = lookups.ids(target)
        missing = (values.notna() & ~values.isin(known)).to_numpy(dtype=bool)
        similar = np.full(len(values), None, dtype=object)
        if missing.any():  # only unknown ids are compared ignoring case
            canonical = pd.Series(np.asarray(known, dtype=object), index=known.str.lower())
            canonical = canonical.groupby(level=0).first()
            similar[missing] = values[missing].str.lower().map(canonical).to_numpy(dtype=object)
        lookalike = missing & pd.notna(similar)
        found.append(
            cell_problems(np.flatnonzero(missing & ~lookalike), column, REFERENCE_REASONS[target])
        )
        positions = np.flatnonzero(lookalike)
        found.append(cell_problems(positions, column, "id_lookalike", similar[positions]))
    return concat_problems(found)


def stored_lookalikes(batch: Batch, connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows whose key differs from a stored key only in case (append mode: a clash)."""
    key = list(batch.table.key)
    text_key = [c for c in key if batch.table.column(c).kind == TEXT]
    if not text_key or not len(batch):
        return empty_problems()
    keys = batch.frame[key].copy()
    keys["importer_pos"] = np.arange(len(keys), dtype=np.int64)
    same = " AND ".join(
        f"lower(k.{c}) = lower(t.{c})" if c in text_key else f"k.{c} = t.{c}" for c in key
    )
    differs = " OR ".join(f"k.{c} <> t.{c}" for c in text_key)
    shown = " || ' / ' || ".join(f"t.{c}" for c in key) if len(key) > 1 else f"t.{key[0]}"
    connection.register("importer_keys", keys)
    try:
        clashes = connection.execute(
            f"SELECT k.importer_pos, min({shown}) AS stored FROM importer_keys k "
            f"JOIN atlas.{batch.table.name} t ON {same} WHERE {differs} GROUP BY 1 ORDER BY 1"
        ).df()
    finally:
        connection.unregister("importer_keys")
    return cell_problems(
        clashes["importer_pos"].to_numpy(dtype=np.int64),
        text_key[0],
        "id_lookalike",
        clashes["stored"].astype(str).to_numpy(),
    )


def table_specific_problems(batch: Batch, lookups: Lookups, now: pd.Timestamp) -> list:
    """The cross-table checks particular to one table."""
    name = batch.table.name
    if name == "hospitals":
        fill_resource_year(batch, lookups, now)
        found = [county_problems(batch, lookups), outside_county_problems(batch, lookups)]
        return found + orphan_problems(batch, lookups)
    if name == "alliances":
        return [home_region_problems(batch, lookups), *orphan_problems(batch, lookups)]
    if name == "referrals":
        return [referral_problems(batch, lookups)]
    if name == "transfers":
        return [transfer_distance_problems(batch, lookups)]
    return []


def fill_resource_year(batch: Batch, lookups: Lookups, now: pd.Timestamp) -> None:
    """Empty hospital years become the latest year in hospital_resources (or this year)."""
    year = lookups.latest_resource_year() or now.year
    batch.frame["year"] = batch.frame["year"].fillna(year).astype("Int64")


def county_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Hospitals whose county_adcode is not a county in regions."""
    codes = batch.frame["county_adcode"]
    unknown = codes.notna() & ~codes.isin(lookups.region_codes(("county",)))
    return cell_problems(np.flatnonzero(unknown.to_numpy()), "county_adcode", "unknown_adcode")


def home_region_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Alliances whose home_adcode is not a province or city in regions."""
    codes = batch.frame["home_adcode"]
    unknown = codes.notna() & ~codes.isin(lookups.region_codes(("province", "city")))
    return cell_problems(np.flatnonzero(unknown.to_numpy()), "home_adcode", "unknown_region")


def outside_county_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Hospitals whose point lies outside the polygon of their county (layer county_fine)."""
    frame = batch.frame
    shapes = county_shapes(lookups, frame["county_adcode"])
    if shapes.empty:
        return empty_problems()
    geometries = shapely.from_wkb([bytes(wkb) for wkb in shapes["geom_wkb"]])
    shapely.prepare(geometries)
    which = pd.Index(shapes["adcode"].astype("str")).get_indexer(frame["county_adcode"].fillna(""))
    lon, lat = frame["lon"].to_numpy(), frame["lat"].to_numpy()
    lon_bounds = TABLES["hospitals"].column("lon").bounds
    lat_bounds = TABLES["hospitals"].column("lat").bounds
    assert lon_bounds is not None and lat_bounds is not None  # declared in columns.py
    (low_lon, high_lon), (low_lat, high_lat) = lon_bounds, lat_bounds
    checkable = (
        (which >= 0) & (lon >= low_lon) & (lon <= high_lon) & (lat >= low_lat) & (lat <= high_lat)
    )
    positions = np.flatnonzero(checkable)
    points = shapely.points(lon[positions], lat[positions])
    inside = shapely.dwithin(geometries[which[positions]], points, COUNTY_TOLERANCE_DEG)
    outside = positions[~inside]
    return cell_problems(
        outside, "lon", "outside_county", frame["county_adcode"].to_numpy()[outside]
    )


def county_shapes(lookups: Lookups, codes: pd.Series) -> pd.DataFrame:
    """adcode, geom_wkb of the county_fine polygons of the given counties only."""
    wanted = pd.DataFrame({"adcode": codes.dropna().astype("str").unique()})
    lookups.connection.register("importer_counties", wanted)
    try:
        return lookups.sql(
            "SELECT s.adcode, s.geom_wkb FROM atlas.region_shapes s "
            "JOIN importer_counties c ON s.adcode = c.adcode WHERE s.layer = 'county_fine'"
        )
    finally:
        lookups.connection.unregister("importer_counties")


def orphan_problems(batch: Batch, lookups: Lookups) -> list[pd.DataFrame]:
    """Ids that a replace would remove while rows of other tables still point at them."""
    if lookups.mode != REPLACE:
        return []
    target = batch.table.name
    id_column = batch.table.key[0]
    new_ids = pd.DataFrame({"id": batch.frame[id_column].dropna().astype("str").unique()})
    found = []
    lookups.connection.register("importer_new_ids", new_ids)
    try:
        for table, column in references_to(target):
            if table in lookups.batches:
                continue  # that table is replaced too; its file's rows are checked instead
            orphans = lookups.sql(
                f"SELECT r.{column} AS id, count(*) AS n FROM atlas.{table} r "
                f"WHERE r.{column} IN (SELECT {id_column} FROM atlas.{target}) "
                f"AND r.{column} NOT IN (SELECT id FROM importer_new_ids) "
                "GROUP BY 1 ORDER BY 1"
            )
            if len(orphans):
                found.append(orphan_frame(batch, id_column, table, column, orphans))
    finally:
        lookups.connection.unregister("importer_new_ids")
    return found


def orphan_frame(
    batch: Batch, id_column: str, table: str, column: str, orphans: pd.DataFrame
) -> pd.DataFrame:
    """Whole-file problems naming each id that would be orphaned and who still points at it."""
    return pd.DataFrame(
        {
            "pos": -1,
            "column": id_column,
            "reason": "would_orphan",
            "value": orphans["id"].astype(str).to_numpy(),
            "detail": (f"{table}.{column}: " + orphans["n"].astype(str)).to_numpy(),
        }
    )


def referral_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Referrals whose direction contradicts the tiers; fills empty directions and distances."""
    frame = batch.frame
    hospitals = lookups.hospitals()
    tiers_from = frame["from_hospital_id"].map(hospitals["tier"])
    tiers_to = frame["to_hospital_id"].map(hospitals["tier"])
    rule = {f"{a}|{b}": referral_direction(a, b) for a in TIERS for b in TIERS}
    expected = (tiers_from.astype("str") + "|" + tiers_to.astype("str")).map(rule)
    given = frame["direction"]
    wrong = given.notna() & expected.notna() & (given != expected)
    frame["direction"] = given.where(given.notna(), expected).astype("str")
    distance = great_circle_km(frame, hospitals)
    frame["distance_km"] = frame["distance_km"].fillna(
        pd.Series(distance, index=frame.index).round(3)
    )
    positions = np.flatnonzero(wrong.to_numpy())
    return cell_problems(
        positions, "direction", "direction_mismatch", expected.to_numpy()[positions]
    )


def transfer_distance_problems(batch: Batch, lookups: Lookups) -> pd.DataFrame:
    """Transfers whose route is shorter than the great circle between the hospitals (-1%)."""
    frame = batch.frame
    distance = great_circle_km(frame, lookups.hospitals())
    route = frame["distance_km"].to_numpy(dtype=float, na_value=np.nan)
    too_short = route < distance * (1 - DISTANCE_TOLERANCE)
    positions = np.flatnonzero(too_short)
    details: np.ndarray | list[str] = (
        np.char.mod("%.1f", distance[positions]) if len(positions) else []
    )
    return cell_problems(positions, "distance_km", "distance_too_short", np.asarray(details))


def great_circle_km(frame: pd.DataFrame, hospitals: pd.DataFrame) -> np.ndarray:
    """Haversine distance between each row's from and to hospital (NaN when one is unknown)."""
    lon1 = frame["from_hospital_id"].map(hospitals["lon"]).to_numpy(dtype=float, na_value=np.nan)
    lat1 = frame["from_hospital_id"].map(hospitals["lat"]).to_numpy(dtype=float, na_value=np.nan)
    lon2 = frame["to_hospital_id"].map(hospitals["lon"]).to_numpy(dtype=float, na_value=np.nan)
    lat2 = frame["to_hospital_id"].map(hospitals["lat"]).to_numpy(dtype=float, na_value=np.nan)
    return haversine_km(lon1, lat1, lon2, lat2)


def haversine_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance in km between arrays of points in degrees."""
    lon1, lat1, lon2, lat2 = (
        np.radians(np.asarray(a, dtype=float)) for a in (lon1, lat1, lon2, lat2)
    )
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def matched_mask(batch: Batch, connection: duckdb.DuckDBPyConnection) -> np.ndarray:
    """True for rows whose key is already stored in the database."""
    mask = np.zeros(len(batch), dtype=bool)
    key = list(batch.table.key)
    if not key or not len(batch):
        return mask
    keys = batch.frame[key].copy()
    keys["importer_pos"] = np.arange(len(keys), dtype=np.int64)
    connection.register("importer_keys", keys)
    try:
        joined = connection.execute(
            f"SELECT k.importer_pos FROM importer_keys k JOIN atlas.{batch.table.name} t "
            f"USING ({', '.join(key)})"
        ).fetchnumpy()["importer_pos"]
    finally:
        connection.unregister("importer_keys")
    mask[np.asarray(joined, dtype=np.int64)] = True
    return mask


def stored_rows(table: str, connection: duckdb.DuckDBPyConnection) -> int:
    """How many rows the table holds now."""
    return int(connection.execute(f"SELECT count(*) FROM atlas.{table}").fetchall()[0][0])


def resource_change(batch: Batch, mode: str, connection: duckdb.DuckDBPyConnection) -> TableChange:
    """The hospital_resources rows an import of hospitals writes (for its year) and removes."""
    frame = batch.frame[["hospital_id", "year"]].copy()
    frame["importer_pos"] = np.arange(len(frame), dtype=np.int64)
    connection.register("importer_resources", frame)
    try:
        positions = connection.execute(
            "SELECT i.importer_pos FROM importer_resources i JOIN atlas.hospital_resources r "
            "ON r.hospital_id = i.hospital_id AND r.year = i.year"
        ).fetchnumpy()["importer_pos"]
        removed = 0
        if mode == REPLACE:
            removed = connection.execute(
                "SELECT count(*) FROM atlas.hospital_resources WHERE hospital_id NOT IN "
                "(SELECT hospital_id FROM importer_resources WHERE hospital_id IS NOT NULL)"
            ).fetchall()[0][0]
    finally:
        connection.unregister("importer_resources")
    batch.resource_matched = np.zeros(len(frame), dtype=bool)
    batch.resource_matched[np.asarray(positions, dtype=np.int64)] = True
    matched = int(batch.resource_matched.sum())
    years = frame["year"].dropna().unique()
    return TableChange(
        "hospital_resources",
        "upsert",
        rows=len(frame),
        added=len(frame) - matched,
        replaced=matched,
        removed=removed,
        year=int(years[0]) if len(years) == 1 else None,
    )
