package pl.sciezka.platform.writes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.commandhandling.CommandMessage;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two commands the same request: their name and their payload, as SHA-256 of a canonical
 * JSON form. Canonical (properties and map keys sorted, its own mapper) so that the fingerprint of a
 * command does not change when the application's JSON settings do, which would turn a retry into a
 * "different request". Metadata is left out: the correlation id differs on every retry.
 */
final class CommandFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CommandFingerprint() {
    }

    static String of(CommandMessage<?> command) {
        MessageDigest sha256 = sha256();
        sha256.update(command.getCommandName().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(CANONICAL.writeValueAsBytes(command.getPayload()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
