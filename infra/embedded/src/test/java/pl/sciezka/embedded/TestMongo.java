package pl.sciezka.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A real MongoDB for every test that starts the application, when {@value #VARIABLE} holds its URI;
 * otherwise each application starts its embedded wire server. Each data directory gets a database of
 * its own, so runs, tests and nodes never see each other's read models and tracking tokens, while an
 * application restarted on the same directory finds its own again.
 */
final class TestMongo {

    static final String VARIABLE = "SCIEZKA_TEST_MONGODB_URI";

    private TestMongo() {
    }

    /** From the environment, or a system property of the same name (e.g. -DSCIEZKA_TEST_MONGODB_URI=… to Maven). */
    static Optional<String> uri() {
        String uri = System.getenv(VARIABLE);
        if (uri == null || uri.isBlank()) {
            uri = System.getProperty(VARIABLE);
        }
        return uri == null || uri.isBlank() ? Optional.empty() : Optional.of(uri);
    }

    /** {@code sciezka_test_} and a digest of the directory's absolute path: unique per temporary directory. */
    static String databaseFor(Path dataDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "sciezka_test_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Command-line arguments for the packaged jar: none when no real MongoDB is configured. */
    static List<String> arguments(Path dataDir) {
        return uri().map(uri -> List.of("--spring.mongodb.uri=" + uri, "--spring.mongodb.database=" + databaseFor(dataDir)))
                .orElse(List.of());
    }
}
