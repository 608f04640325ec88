package pl.sciezka.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The embedded default: command side and query side in one JVM, the event store in an H2 file and
 * the read models in the embedded MongoDB wire server, both under {@code sciezka.data-dir}.
 */
@SpringBootApplication(scanBasePackages = {"pl.sciezka.command", "pl.sciezka.query"})
public class SciezkaApplication {

    private static final String AXON_UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // a social assistance centre's server does not report usage to a vendor; set it to false to allow
        if (System.getProperty(AXON_UPDATE_CHECK_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECK_DISABLED, "true");
        }
        SpringApplication.run(SciezkaApplication.class, args);
    }
}
