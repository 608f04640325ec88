package pl.sciezka.platform.writes;

import org.axonframework.serialization.SerializedObject;

/**
 * A command recorded under an idempotency key: what it was (its fingerprint) and what its handler
 * answered, serialized; {@code result} is null when the handler answered nothing.
 */
record RecordedCommand(String commandName, String fingerprint, SerializedObject<byte[]> result) {
}
