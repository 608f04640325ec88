-- Axon's dead-letter queue (JdbcSequencedDeadLetterQueue) for the projections that enable it
-- (axon.eventhandling.processors.<name>.dlq.enabled). An event a projection cannot handle is parked
-- here with the cause, and so is every later event of the same sequence (the same case), so the rest
-- of the projection goes on. Column names are those of the DeadLetterSchema in EventStoreConfiguration.
-- Payloads are serialised like stored events, so personal data in them stays encrypted.
CREATE TABLE dead_letter_entry (
    dead_letter_identifier VARCHAR(255)             NOT NULL PRIMARY KEY,
    processing_group       VARCHAR(255)             NOT NULL,
    sequence_identifier    VARCHAR(255)             NOT NULL,
    sequence_index         BIGINT                   NOT NULL,
    message_type           VARCHAR(255)             NOT NULL,
    event_identifier       VARCHAR(255)             NOT NULL,
    time_stamp             VARCHAR(255)             NOT NULL,
    payload_type           VARCHAR(255)             NOT NULL,
    payload_revision       VARCHAR(255),
    payload                BYTEA                    NOT NULL,
    meta_data              BYTEA,
    aggregate_type         VARCHAR(255),
    aggregate_identifier   VARCHAR(255),
    sequence_number        BIGINT,
    token_type             VARCHAR(255),
    token                  BYTEA,
    enqueued_at            VARCHAR(255)             NOT NULL,
    last_touched           VARCHAR(255),
    processing_started     VARCHAR(255),
    cause_type             VARCHAR(255),
    cause_message          VARCHAR(1023),
    diagnostics            BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
