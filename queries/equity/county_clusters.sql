-- equity/county_clusters: the national LISA of one measure in one year, computed when the database was built or imported (derived_county_clusters).
-- params: $year, $measure (shortage / access / physicians)
SELECT adcode, value, raw, cluster, local_i, p_value, neighbours, island,
       moran_i, moran_p, expected_i, fdr_threshold
FROM derived_county_clusters
WHERE year = $year AND measure = $measure
ORDER BY adcode
