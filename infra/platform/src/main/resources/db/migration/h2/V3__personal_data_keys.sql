-- One AES key per data subject, for the personal data inside stored events (pl.sciezka.platform.personaldata).
-- The events hold only ciphertext; erasing a person sets secret_key to NULL, and what was encrypted with
-- it can no longer be read. The row stays as a tombstone so that no new key is ever made for that person.
-- A separate table in the event store's database: the key and the event of an erasure commit together,
-- and deleting or nulling here is allowed where domain_event_entry is append-only. Erased key bytes may
-- stay in the database file until it is compacted; README "Personal data and erasure" says what to do.
CREATE TABLE personal_data_key (
    subject_id   VARCHAR(255)             NOT NULL PRIMARY KEY,
    secret_key   BINARY VARYING(32),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_data_key_live_or_destroyed CHECK ((secret_key IS NULL) = (destroyed_at IS NOT NULL))
);
