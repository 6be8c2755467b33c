-- The PedAtlas database contract. Build, importer and tests all create tables from this file.
-- Column meanings, units and sources: docs/data_dictionary.md.

CREATE TABLE regions (
    adcode          VARCHAR PRIMARY KEY,   -- 6-digit administrative code (current, Amap)
    name            VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,      -- province / city / county
    parent_adcode   VARCHAR,               -- province for cities and province-administered counties
    province_adcode VARCHAR NOT NULL,
    city_adcode     VARCHAR,               -- prefecture unit a county belongs to (itself if none)
    lon             DOUBLE NOT NULL,       -- representative point, GCJ-02
    lat             DOUBLE NOT NULL,
    area_km2        DOUBLE NOT NULL,
    pop_total       BIGINT,
    pop_0_14        BIGINT,
    urban_pop       BIGINT,
    pop_source      VARCHAR NOT NULL
);

CREATE TABLE region_shapes (
    adcode   VARCHAR NOT NULL,
    layer    VARCHAR NOT NULL,             -- province / city / county / county_fine / context / sea_line
    level    VARCHAR NOT NULL,
    province_adcode VARCHAR,
    name     VARCHAR,
    geom_wkb BLOB NOT NULL,
    PRIMARY KEY (adcode, layer)
);

CREATE TABLE hospitals (
    hospital_id     VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- 儿童医院 / 妇幼保健院 / 综合医院 / 专科医院 / 社区卫生服务中心 / 乡镇卫生院 / 民营医院
    tier            VARCHAR NOT NULL,      -- 三级 / 二级 / 一级 / 未定级
    grade           VARCHAR,               -- 甲等 / 乙等 where known
    county_adcode   VARCHAR NOT NULL,
    lon             DOUBLE NOT NULL,
    lat             DOUBLE NOT NULL,
    ped_physicians  INTEGER NOT NULL,
    ped_nurses      INTEGER NOT NULL,
    ped_beds        INTEGER NOT NULL,
    nicu_beds       INTEGER NOT NULL,
    picu_beds       INTEGER NOT NULL,
    is_transport_centre BOOLEAN NOT NULL DEFAULT false,
    national_centre BOOLEAN NOT NULL DEFAULT false,  -- national or regional children's medical centre
    is_synthetic    BOOLEAN NOT NULL,      -- the hospital itself is invented
    source          VARCHAR NOT NULL       -- where the name and place come from
);

CREATE TABLE hospital_resources (
    hospital_id     VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    ped_physicians  INTEGER NOT NULL,
    ped_nurses      INTEGER NOT NULL,
    ped_beds        INTEGER NOT NULL,
    nicu_beds       INTEGER NOT NULL,
    picu_beds       INTEGER NOT NULL,
    is_synthetic    BOOLEAN NOT NULL,
    PRIMARY KEY (hospital_id, year)
);

CREATE TABLE alliances (
    alliance_id       VARCHAR PRIMARY KEY,
    name              VARCHAR NOT NULL,
    name_en           VARCHAR,
    core_hospital_id  VARCHAR NOT NULL,
    founded_on        DATE NOT NULL,
    scope             VARCHAR NOT NULL,    -- 省内 / 跨省 / 市内
    kind              VARCHAR NOT NULL,    -- 医联体 / 专科联盟 / 医院集团 / 托管
    home_adcode       VARCHAR NOT NULL,    -- province or city whose counties the alliance aims to reach
    published_members INTEGER,             -- figure in the public report (see data dictionary)
    source            VARCHAR NOT NULL,
    is_synthetic      BOOLEAN NOT NULL
);

CREATE TABLE alliance_members (
    alliance_id  VARCHAR NOT NULL,
    hospital_id  VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,         -- core / member / 协作医院 / 指导医院 / 协作科室
    cooperation  VARCHAR NOT NULL,         -- 核心 / 普通成员 / 科室共建 / 联合门诊 / 半托管 / 托管 / 合作办院
    joined_on    DATE NOT NULL,
    left_on      DATE,
    is_named     BOOLEAN NOT NULL,         -- named in a public report
    is_synthetic BOOLEAN NOT NULL,
    PRIMARY KEY (alliance_id, hospital_id)
);

CREATE TABLE referrals (
    referral_id      BIGINT PRIMARY KEY,
    referred_on      DATE NOT NULL,
    from_hospital_id VARCHAR NOT NULL,
    to_hospital_id   VARCHAR NOT NULL,
    direction        VARCHAR NOT NULL,     -- up / down / lateral, from the two hospitals' tiers
    department       VARCHAR NOT NULL,
    age_group        VARCHAR NOT NULL,     -- newborn / infant / preschool / school
    distance_km      DOUBLE NOT NULL,      -- great-circle distance between the hospitals
    is_synthetic     BOOLEAN NOT NULL
);

CREATE TABLE transfers (
    transfer_id      BIGINT PRIMARY KEY,
    dispatched_at    TIMESTAMP NOT NULL,
    arrived_at       TIMESTAMP NOT NULL,   -- arrival of the patient at the receiving centre
    from_hospital_id VARCHAR NOT NULL,
    to_hospital_id   VARCHAR NOT NULL,
    patient          VARCHAR NOT NULL,     -- newborn / child
    critical         BOOLEAN NOT NULL,
    distance_km      DOUBLE NOT NULL,      -- route length travelled with the patient
    duration_min     INTEGER NOT NULL,
    outcome          VARCHAR NOT NULL,     -- admitted / transferred_on / died_en_route
    is_synthetic     BOOLEAN NOT NULL
);

CREATE TABLE outreach (
    alliance_id  VARCHAR NOT NULL,
    hospital_id  VARCHAR NOT NULL,
    activity     VARCHAR NOT NULL,         -- expert_clinic / lecture / trainee / technique / remote_consult
    happened_on  DATE NOT NULL,
    count        INTEGER NOT NULL,
    is_synthetic BOOLEAN NOT NULL
);

CREATE TABLE targets (
    indicator VARCHAR NOT NULL,
    year      INTEGER NOT NULL,
    value     DOUBLE NOT NULL,
    unit      VARCHAR NOT NULL,
    label_zh  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,
    PRIMARY KEY (indicator, year)
);

CREATE TABLE build_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
