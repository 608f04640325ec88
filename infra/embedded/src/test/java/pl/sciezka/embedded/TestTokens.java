package pl.sciezka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.sciezka.api.Role;
import pl.sciezka.platform.security.jwt.TokenMinter;

/**
 * An identity provider for tests of the production profiles: a key pair whose public half the
 * application is told to trust, and tokens for the users the tests know from the embedded default.
 */
final class TestTokens {

    static final Map<String, Role> USERS = Map.of(
            "anna", Role.CASEWORKER, "bartek", Role.CASEWORKER, "ewa", Role.SPECIALIST, "celina", Role.SUPERVISOR,
            "dawid", Role.EVALUATOR, "pup", Role.PROVIDER, "admin", Role.ADMIN);

    private final KeyPair key = TokenMinter.newRsaKeyPair();
    private final Path publicKey;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    TestTokens() {
        try {
            publicKey = Files.writeString(Files.createTempFile("sciezka-jwt", ".pub"),
                    TokenMinter.publicKeyPem(key.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeyPair key() {
        return key;
    }

    /** The argument that makes an application trust this key. */
    String publicKeyArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey;
    }

    String tokenOf(String user) {
        return tokens.computeIfAbsent(user,
                name -> TokenMinter.mint(key.getPrivate(), name, USERS.get(name), Duration.ofHours(1)));
    }

    ApiClient client(int port) {
        return ApiClient.withBearerTokens(port, this::tokenOf);
    }
}
