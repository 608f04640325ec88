package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The outcome views and a support path as PNG charts. Each picture is decoded and kept under
 * {@code target/charts/} so a person can look at it.
 */
class ChartsTest extends EmbeddedApplicationTest {

    @Test
    void cohortChartIsAPicture() throws Exception {
        new Journey(api).network().family().closedAndFollowedUp(0, true, 0.95);
        new Journey(api).network().inDistrict("Radlin").closedAndFollowedUp(6, false, 0.6);
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("celina",
                "/api/outcomes/cohorts?groupBy=DISTRICT&horizon=FOLLOW_UP_12M").expect(200).body()).contains("Radlin"));
        assertPicture(png("celina", "/api/outcomes/cohorts/chart?groupBy=DISTRICT"), "cohorts.png");
    }

    @Test
    void caseTrajectoryChartIsAPicture() throws Exception {
        Journey journey = new Journey(api).network().family().closedAndFollowedUp(2, true, 0.9);
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("celina",
                "/api/outcomes/cases/" + journey.caseId).expect(200).body()).contains("FOLLOW_UP_12M"));
        assertPicture(png("celina", "/api/outcomes/cases/" + journey.caseId + "/chart"), "trajectory.png");
    }

    @Test
    void supportPathChartIsAPicture() throws Exception {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        api.post("pup", journey.path("/referrals/" + journey.referralId + "/deliveries"), Map.of("deliveredOn",
                Journey.TODAY.minusMonths(2).toString(), "units", 1, "memberIds", java.util.List.of(journey.parentId)))
                .expect(201);
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("anna", journey.path(""))
                .expect(200).body()).contains("deliveredOn"));
        assertPicture(png("anna", journey.path("/support-path/chart")), "support-path.png");
    }

    @Test
    void chartsOfACaseOthersCannotSeeAreNotFound() throws Exception {
        Journey journey = new Journey(api).network().family();
        assertThat(fetch("bartek", journey.path("/support-path/chart")).statusCode()).isEqualTo(404);
    }

    private byte[] png(String user, String path) throws Exception {
        HttpResponse<byte[]> response = fetch(user, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return response.body();
    }

    private HttpResponse<byte[]> fetch(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(api.request(user, path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertPicture(byte[] png, String name) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(540);
        Path dir = Files.createDirectories(Path.of("target", "charts"));
        Files.write(dir.resolve(name), png);
    }
}
