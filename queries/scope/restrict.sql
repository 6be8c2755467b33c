-- scope/restrict: a scoped view of the database for a user whose data scope is a province, a city
-- or an alliance. Run on a connection where the file is attached read-only as atlas_source and
-- an in-memory catalog as atlas: every table of the file gets a view of the same name in atlas
-- that holds only the scope's rows, so every named query (totals, maps, tables, downloads, the
-- planning solver) is filtered on the server without knowing about scopes.
-- params: $kind ('province' / 'city' / 'alliance'), $code (adcode or alliance_id)
-- Statements are separated by lines holding only ';'. Referrals and transfers are kept when either
-- end is a hospital in scope (the scope's own patients); hospitals outside stay hidden.
CREATE TABLE atlas.main.scope_hospitals AS
SELECT h.hospital_id, h.county_adcode
FROM atlas_source.main.hospitals AS h
JOIN atlas_source.main.regions AS r ON r.adcode = h.county_adcode
WHERE ($kind = 'province' AND r.province_adcode = $code)
   OR ($kind = 'city' AND r.city_adcode = $code)
   OR ($kind = 'alliance' AND h.hospital_id IN (
        SELECT hospital_id FROM atlas_source.main.alliance_members WHERE alliance_id = $code))
;
CREATE TABLE atlas.main.scope_counties AS
SELECT r.adcode
FROM atlas_source.main.regions AS r
WHERE r.level = 'county'
  AND (($kind = 'province' AND r.province_adcode = $code)
    OR ($kind = 'city' AND r.city_adcode = $code)
    OR ($kind = 'alliance' AND (
          r.adcode IN (SELECT county_adcode FROM atlas.main.scope_hospitals)
          OR r.province_adcode IN (SELECT home_adcode FROM atlas_source.main.alliances WHERE alliance_id = $code)
          OR r.city_adcode IN (SELECT home_adcode FROM atlas_source.main.alliances WHERE alliance_id = $code))))
;
-- The counties, the prefecture units they belong to and, for province and alliance scopes, their
-- provinces (a city scope does not show its province: its figures would be the city's only).
CREATE TABLE atlas.main.scope_regions AS
SELECT adcode FROM atlas.main.scope_counties
UNION
SELECT r.city_adcode FROM atlas_source.main.regions AS r
WHERE r.adcode IN (SELECT adcode FROM atlas.main.scope_counties) AND r.city_adcode IS NOT NULL
UNION
SELECT r.province_adcode FROM atlas_source.main.regions AS r
WHERE $kind <> 'city' AND r.adcode IN (SELECT adcode FROM atlas.main.scope_counties)
;
CREATE TABLE atlas.main.scope_alliances AS
SELECT a.alliance_id
FROM atlas_source.main.alliances AS a
WHERE ($kind = 'alliance' AND a.alliance_id = $code)
   OR ($kind <> 'alliance' AND (
        a.home_adcode IN (SELECT adcode FROM atlas.main.scope_regions)
        OR a.alliance_id IN (SELECT m.alliance_id FROM atlas_source.main.alliance_members AS m
                             WHERE m.hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals))))
;
CREATE VIEW atlas.main.regions AS
SELECT * FROM atlas_source.main.regions WHERE adcode IN (SELECT adcode FROM atlas.main.scope_regions)
;
-- Outline layers (neighbouring land, the South China Sea line) are public context for the map.
CREATE VIEW atlas.main.region_shapes AS
SELECT * FROM atlas_source.main.region_shapes
WHERE layer IN ('context', 'sea_line') OR adcode IN (SELECT adcode FROM atlas.main.scope_regions)
;
CREATE VIEW atlas.main.hospitals AS
SELECT * FROM atlas_source.main.hospitals
WHERE hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.hospital_resources AS
SELECT * FROM atlas_source.main.hospital_resources
WHERE hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.alliances AS
SELECT * FROM atlas_source.main.alliances WHERE alliance_id IN (SELECT alliance_id FROM atlas.main.scope_alliances)
;
CREATE VIEW atlas.main.alliance_members AS
SELECT * FROM atlas_source.main.alliance_members
WHERE alliance_id IN (SELECT alliance_id FROM atlas.main.scope_alliances)
  AND hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.outreach AS
SELECT * FROM atlas_source.main.outreach
WHERE alliance_id IN (SELECT alliance_id FROM atlas.main.scope_alliances)
  AND hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.referrals AS
SELECT * FROM atlas_source.main.referrals
WHERE from_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
   OR to_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.transfers AS
SELECT * FROM atlas_source.main.transfers
WHERE from_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
   OR to_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.targets AS SELECT * FROM atlas_source.main.targets
;
CREATE VIEW atlas.main.build_info AS SELECT * FROM atlas_source.main.build_info
;
-- Rollups (pedatlas/build/derived.py) keep the rows of the scope's counties and hospitals, so a
-- scoped user's figures equal a national user's figures for the same region. A file without a
-- rollup simply has no view for it (the statement is skipped).
CREATE VIEW atlas.main.derived_alliance_pair_windows AS
SELECT * FROM atlas_source.main.derived_alliance_pair_windows
WHERE from_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
   OR to_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.derived_referral_pairs AS
SELECT * FROM atlas_source.main.derived_referral_pairs
WHERE from_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
   OR to_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
CREATE VIEW atlas.main.derived_referral_months AS
SELECT * FROM atlas_source.main.derived_referral_months
WHERE home_county IN (SELECT adcode FROM atlas.main.scope_counties)
;
CREATE VIEW atlas.main.derived_county_flows AS
SELECT * FROM atlas_source.main.derived_county_flows
WHERE origin_county IN (SELECT adcode FROM atlas.main.scope_counties)
   OR dest_county IN (SELECT adcode FROM atlas.main.scope_counties)
;
CREATE VIEW atlas.main.derived_county_resources AS
SELECT * FROM atlas_source.main.derived_county_resources
WHERE county_adcode IN (SELECT adcode FROM atlas.main.scope_counties)
;
CREATE VIEW atlas.main.derived_transfer_months AS
SELECT * FROM atlas_source.main.derived_transfer_months
WHERE from_county IN (SELECT adcode FROM atlas.main.scope_counties)
   OR to_hospital_id IN (SELECT hospital_id FROM atlas.main.scope_hospitals)
;
-- County contiguity (hot spots): the scope's counties and their neighbours, like the boundaries.
CREATE VIEW atlas.main.derived_county_neighbours AS
SELECT * FROM atlas_source.main.derived_county_neighbours
WHERE adcode IN (SELECT adcode FROM atlas.main.scope_counties)
;
-- National hot spots (stored LISA): the scope's counties only. A scoped user's hot-spot view is
-- computed over the scope itself; these rows are never shown as the scope's own clusters.
CREATE VIEW atlas.main.derived_county_clusters AS
SELECT * FROM atlas_source.main.derived_county_clusters
WHERE adcode IN (SELECT adcode FROM atlas.main.scope_counties)
;
-- Road detour factor: the scope's provinces and the pooled fit (a model parameter fitted on all
-- of China's routes, shown as such).
CREATE VIEW atlas.main.derived_detour_fits AS
SELECT * FROM atlas_source.main.derived_detour_fits
WHERE "group" = 'all'
   OR "group" IN (SELECT province_adcode FROM atlas_source.main.regions
                  WHERE adcode IN (SELECT adcode FROM atlas.main.scope_counties))
