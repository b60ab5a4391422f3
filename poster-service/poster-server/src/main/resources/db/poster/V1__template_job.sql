-- poster-service schema. Runs on MySQL 8 / MariaDB 10.11 and on H2 in MySQL mode (the one-command local run).

-- A template is a name; what it looks like lives in its versions. Changing a template adds a version; old versions
-- stay, so a poster rendered (and cached) from version 1 can be rendered again after version 2 exists.
CREATE TABLE poster_template (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    latest_version INT          NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL
);

-- Background (and optional QR centre logo) bytes are kept here: a few MiB each at most, a handful per campaign,
-- written with the layout in one transaction. MEDIUMBLOB holds 16 MiB on MySQL; H2 reads it as BLOB.
CREATE TABLE poster_template_version (
    template_id       BIGINT       NOT NULL,
    version           INT          NOT NULL,
    layout            TEXT         NOT NULL,
    background        MEDIUMBLOB   NOT NULL,
    background_format VARCHAR(8)   NOT NULL,
    background_sha256 CHAR(64)     NOT NULL,
    width             INT          NOT NULL,
    height            INT          NOT NULL,
    logo              MEDIUMBLOB   NULL,
    created_by        VARCHAR(64)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (template_id, version)
);

-- Bulk pre-generation of posters for a campaign's top referrers; progress is done / failed of total.
CREATE TABLE poster_job (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id  BIGINT       NOT NULL,
    template_id  BIGINT       NOT NULL,
    version      INT          NOT NULL,
    format       VARCHAR(8)   NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    total        INT          NOT NULL,
    done         INT          NOT NULL DEFAULT 0,
    failed       INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(500) NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL
);

-- One row per user of a job: what to render for them, and whether it was.
CREATE TABLE poster_job_item (
    job_id     BIGINT       NOT NULL,
    seq        INT          NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    nickname   VARCHAR(200) NULL,
    avatar_url VARCHAR(500) NULL,
    status     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (job_id, seq)
);
