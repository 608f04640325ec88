package pl.sciezka.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import pl.sciezka.platform.launch.QuietAxon;

/**
 * The embedded default: command side and query side in one JVM, the event store in an H2 file and
 * the read models in the embedded MongoDB wire server, both under {@code sciezka.data-dir}.
 */
@SpringBootApplication(scanBasePackages = {"pl.sciezka.command", "pl.sciezka.query", "pl.sciezka.embedded.demo"})
public class SciezkaApplication {

    public static void main(String[] args) {
        QuietAxon.byDefault();
        SpringApplication.run(SciezkaApplication.class, args);
    }
}
