-- equity/county_neighbours: the county contiguity of the hot-spot analysis, built once per database (derived_county_neighbours).
-- params: (none)
SELECT adcode, neighbour, island
FROM derived_county_neighbours
ORDER BY adcode, neighbour
