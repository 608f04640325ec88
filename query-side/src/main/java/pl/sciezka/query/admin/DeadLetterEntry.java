package pl.sciezka.query.admin;

import java.time.Instant;

/**
 * An event waiting in a projection's dead-letter queue: which event, of which aggregate (the case)
 * at which sequence number, since when, and why it failed (the exception's type and message).
 */
public record DeadLetterEntry(String eventId, String payloadType, String aggregateId, Long sequenceNumber,
                              Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
}
