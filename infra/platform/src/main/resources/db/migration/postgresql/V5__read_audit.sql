-- Who read which case's data, and when (ReadAudit in the query side): a row is written when a read of a
-- case file, an as-of case file or a timeline (or an export) is answered, and never changed. Reads are
-- not events, so the record cannot be rebuilt from them: it lives here, with the events and in their
-- backups, not among the read models, which may be deleted and rebuilt. Ids only, nothing about a family.
CREATE TABLE read_audit (
    read_id VARCHAR(24)              NOT NULL PRIMARY KEY, -- an ObjectId in hex: grows with time within a process
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor   VARCHAR(255)             NOT NULL,
    role    VARCHAR(32)              NOT NULL,
    kind    VARCHAR(32)              NOT NULL,
    case_id VARCHAR(255),
    as_of   TIMESTAMP WITH TIME ZONE,
    outcome VARCHAR(32)              NOT NULL
);
-- supervisors ask by case or by reader, newest first
CREATE INDEX read_audit_by_case ON read_audit (case_id, at DESC);
CREATE INDEX read_audit_by_actor ON read_audit (actor, at DESC);
CREATE INDEX read_audit_by_time ON read_audit (at DESC);
