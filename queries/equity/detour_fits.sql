-- equity/detour_fits: the road detour factor per origin province and pooled (group 'all'), fitted on the transfers when the database was built or imported (derived_detour_fits).
-- params: (none)
SELECT "group", trips, factor, rmse_km, mdape, pooled
FROM derived_detour_fits
ORDER BY "group" = 'all', "group"
