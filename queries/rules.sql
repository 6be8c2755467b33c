-- Shared SQL rules, created as macros in the in-memory catalog when the read-only connection
-- opens (pedatlas/db.py); every query in queries/ that needs one of these rules calls the macro.

-- Member on a day: joined on or before it, not yet left (left_on is the first day outside).
CREATE OR REPLACE MACRO memory.main.member_on(joined_on, left_on, day) AS
    joined_on <= day AND (left_on IS NULL OR left_on > day);

-- Members of every alliance active at the end of a year (31 December).
CREATE OR REPLACE MACRO memory.main.members_at_year_end(year) AS TABLE
    SELECT * FROM alliance_members AS m
    WHERE member_on(m.joined_on, m.left_on, make_date(year, 12, 31));

-- Whether a hospital lies in a scope ('' = national, or a province or city adcode).
CREATE OR REPLACE MACRO memory.main.hospital_places(scope) AS TABLE
    SELECT h.hospital_id, h.county_adcode, r.city_adcode, r.province_adcode,
           (scope = '' OR r.province_adcode = scope OR r.city_adcode = scope) AS in_scope
    FROM hospitals AS h
    JOIN regions AS r ON r.adcode = h.county_adcode;

-- A referral belongs to the scope of the patient's home side: the sending hospital's for up and
-- lateral referrals, the receiving hospital's for down referrals.
CREATE OR REPLACE MACRO memory.main.on_patient_side(direction, sender_in_scope, receiver_in_scope) AS
    CASE WHEN direction = 'down' THEN receiver_in_scope ELSE sender_in_scope END;

-- Referrals of one year passing the alliance filter (either hospital an active member of
-- $alliance on the referral date; '' = any) and the hospital filter (either end; '' = any).
CREATE OR REPLACE MACRO memory.main.referrals_picked(year, alliance, hospital) AS TABLE
    WITH picked AS (
        SELECT hospital_id, joined_on, left_on FROM alliance_members WHERE alliance_id = alliance
    )
    SELECT r.*
    FROM referrals AS r
    LEFT JOIN picked AS mf ON mf.hospital_id = r.from_hospital_id
    LEFT JOIN picked AS mt ON mt.hospital_id = r.to_hospital_id
    WHERE r.referred_on >= make_date(year, 1, 1) AND r.referred_on < make_date(year + 1, 1, 1)
      AND (hospital = '' OR r.from_hospital_id = hospital OR r.to_hospital_id = hospital)
      AND (alliance = ''
           OR member_on(mf.joined_on, mf.left_on, r.referred_on)
           OR member_on(mt.joined_on, mt.left_on, r.referred_on));

-- The picked referrals counted per hospital pair and direction: queries join places to pairs, not
-- to millions of referral rows. Without an alliance filter the yearly pair rollup
-- (pedatlas/build/derived.py) has the counts already; membership windows are dates, so the
-- alliance filter reads the referrals themselves.
-- same_alliance: how many of them fell inside a window in which both hospitals were members of
-- a common alliance (derived_alliance_pair_windows).
CREATE OR REPLACE MACRO memory.main.referral_pair_counts(the_year, the_alliance, the_hospital) AS TABLE
    SELECT p.from_hospital_id, p.to_hospital_id, p.direction, p.referrals, p.same_alliance
    FROM derived_referral_pairs AS p
    WHERE the_alliance = '' AND p.year = the_year
      AND (the_hospital = '' OR p.from_hospital_id = the_hospital OR p.to_hospital_id = the_hospital)
    UNION ALL
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, count(*) AS referrals,
           count(*) FILTER (WHERE r.referred_on >= s.since AND r.referred_on < s.until) AS same_alliance
    FROM referrals_picked(the_year, the_alliance, the_hospital) AS r
    LEFT JOIN derived_alliance_pair_windows AS s
         ON s.from_id = r.from_hospital_id AND s.to_id = r.to_hospital_id
    WHERE the_alliance <> ''
    GROUP BY ALL;

-- Referrals counted per pair of units (province, city or, for any other level, hospital) of a
-- scope, on the patient's side, with the up and down ones. Whether a pair crosses units is an
-- aggregate (bool_or) so that the optimizer cannot push the comparison into the joins, where it
-- becomes an inequality join of every hospital with every other.
CREATE OR REPLACE MACRO memory.main.unit_pair_counts(the_year, the_scope, the_alliance, the_hospital, the_level) AS TABLE
    WITH places AS (
        SELECT hospital_id, in_scope,
               CASE the_level WHEN 'province' THEN province_adcode WHEN 'city' THEN city_adcode
                    ELSE hospital_id END AS unit
        FROM hospital_places(the_scope)
    )
    SELECT f.unit AS from_unit, t.unit AS to_unit, bool_or(f.unit <> t.unit) AS crossing,
           sum(c.referrals)::BIGINT AS referrals,
           coalesce(sum(c.referrals) FILTER (WHERE c.direction = 'up'), 0)::BIGINT AS up,
           coalesce(sum(c.referrals) FILTER (WHERE c.direction = 'down'), 0)::BIGINT AS down
    FROM referral_pair_counts(the_year, the_alliance, the_hospital) AS c
    JOIN places AS f ON f.hospital_id = c.from_hospital_id
    JOIN places AS t ON t.hospital_id = c.to_hospital_id
    WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
    GROUP BY f.unit, t.unit;

-- Transfers of one year sent from a scope (the sending hospital's location) to one receiving
-- centre ('' = every centre), with the sending hospital's name and point.
CREATE OR REPLACE MACRO memory.main.transfers_in_scope(year, scope, centre) AS TABLE
    SELECT t.*, h.name AS from_name, h.lon AS from_lon, h.lat AS from_lat
    FROM transfers AS t
    JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
    JOIN regions AS r ON r.adcode = h.county_adcode
    WHERE t.dispatched_at >= make_date(year, 1, 1) AND t.dispatched_at < make_date(year + 1, 1, 1)
      AND (scope = '' OR r.province_adcode = scope OR r.city_adcode = scope)
      AND (centre = '' OR t.to_hospital_id = centre);

-- Tukey's fences: values beyond Q1 - 1.5 IQR or Q3 + 1.5 IQR are outliers.
CREATE OR REPLACE MACRO memory.main.tukey_upper_fence(q1, q3) AS q3 + 1.5 * (q3 - q1);
CREATE OR REPLACE MACRO memory.main.tukey_lower_fence(q1, q3) AS q1 - 1.5 * (q3 - q1);
