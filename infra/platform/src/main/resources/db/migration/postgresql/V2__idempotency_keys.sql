-- Writes sent with an Idempotency-Key: one row per user and key, inserted in the transaction that
-- stores the command's events, so a key is recorded exactly when its events are. A repeat of the
-- request finds the row and is answered from `result` (the command handler's answer, serialized by
-- Axon) if its fingerprint (SHA-256 of command name and payload) matches, else refused with 422.
CREATE TABLE idempotency_key (
    actor_id        VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    command_name    VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    result_type     VARCHAR(255),
    result_revision VARCHAR(255),
    result          BYTEA,
    recorded_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (actor_id, idempotency_key)
);
