package pl.sciezka.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The embedded default: command side and query side in one JVM, the event store in an H2 file and
 * the read models in the embedded MongoDB wire server, both under {@code sciezka.data-dir}.
 */
@SpringBootApplication(scanBasePackages = {"pl.sciezka.command", "pl.sciezka.query", "pl.sciezka.embedded.demo"})
public class SciezkaApplication {

    public static void main(String[] args) {
        // A social assistance centre's server does not report usage to a vendor nor advertise its
        // console in the log; either can be switched back on with -D…=false.
        defaultSystemProperty("axoniq.update-checker.disabled", "true");
        defaultSystemProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(SciezkaApplication.class, args);
    }

    private static void defaultSystemProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
