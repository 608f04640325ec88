package pl.sciezka.platform.launch;

/**
 * What every deployable's {@code main} sets before Spring starts: a social assistance centre's server
 * does not report usage to a vendor nor advertise its console in the log. Either can be switched back
 * on with {@code -D…=false}.
 */
public final class QuietAxon {

    private QuietAxon() {
    }

    public static void byDefault() {
        defaultSystemProperty("axoniq.update-checker.disabled", "true");
        defaultSystemProperty("disable-axoniq-console-message", "true");
    }

    private static void defaultSystemProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
