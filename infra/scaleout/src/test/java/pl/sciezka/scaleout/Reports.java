package pl.sciezka.scaleout;

import java.util.Map;
import java.util.TreeMap;

/** What one instance says about itself, asked directly rather than through the proxy. */
final class Reports {

    private Reports() {
    }

    /** Segments of each projection this instance holds, as its admin endpoint reports them. */
    static Map<String, Integer> segmentsHeld(ServiceProcess queryInstance) {
        Map<String, Integer> held = new TreeMap<>();
        new Api(queryInstance.port(), Users::authorization).get("admin", "/api/admin/projections").expect(200).json()
                .forEach(projection -> held.put(projection.get("name").asString(), projection.get("segments").asInt()));
        return held;
    }

    /** POST requests this command instance answered, from its own Prometheus metrics. */
    static long postsAnsweredBy(ServiceProcess commandInstance) {
        String metrics = new Api(commandInstance.port(), Users::authorization).get(null, "/actuator/prometheus").expect(200).body();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
