package pl.sciezka.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.sciezka.api.Role;
import pl.sciezka.platform.security.jwt.TokenMinter;

/**
 * Who the test acts as: bearer tokens signed with a key pair of the test's own, whose public half the
 * services are given, as an identity provider's would be in production.
 */
final class Users {

    private static final KeyPair KEYS = TokenMinter.newRsaKeyPair();
    private static final Map<String, Role> ROLES = Map.of("anna", Role.CASEWORKER, "bartek", Role.CASEWORKER,
            "celina", Role.SUPERVISOR, "admin", Role.ADMIN);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Users() {
    }

    static List<String> serviceArguments(Path dir) {
        try {
            Path publicKey = Files.writeString(dir.resolve("jwt.pub"), TokenMinter.publicKeyPem(KEYS.getPublic()));
            return List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String authorization(String user) {
        return TOKENS.computeIfAbsent(user,
                name -> "Bearer " + TokenMinter.mint(KEYS.getPrivate(), name, ROLES.get(name), Duration.ofHours(1)));
    }
}
