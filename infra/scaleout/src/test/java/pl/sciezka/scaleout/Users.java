package pl.sciezka.scaleout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Who the test acts as, and what the services must be told to believe them. */
final class Users {

    private Users() {
    }

    static List<String> serviceArguments(Path dir) {
        return List.of("--sciezka.security.demo-users=true", "--sciezka.security.jwt.enabled=false");
    }

    static String authorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
