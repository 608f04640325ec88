package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import pl.sciezka.api.Role;
import pl.sciezka.platform.security.jwt.TokenMinter;

/**
 * Profile {@code oauth2}: callers are who a bearer JWT signed by the configured key says they are,
 * with the role it names; demo users and HTTP Basic are gone.
 */
class OAuth2ProfileTest {

    private static final Map<String, Role> ROLES = Map.of(
            "anna", Role.CASEWORKER, "celina", Role.SUPERVISOR, "dawid", Role.EVALUATOR);
    private static final Duration READ_SIDE = Duration.ofSeconds(15);

    private static final KeyPair TRUSTED = TokenMinter.newRsaKeyPair();
    private static ConfigurableApplicationContext context;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-oauth2");
        Path publicKey = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".pub"),
                TokenMinter.publicKeyPem(TRUSTED.getPublic()));
        SpringApplication application = new SpringApplication(SciezkaApplication.class);
        application.setAdditionalProfiles("oauth2");
        context = application.run(
                "--server.port=0",
                "--sciezka.data-dir=" + dataDir,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = ApiClient.withBearerTokens(port,
                user -> TokenMinter.mint(TRUSTED.getPrivate(), user, ROLES.get(user), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void caseworkerWithATokenOpensACaseAsThemself() {
        String caseId = api.openCase("anna", "Nowak");

        Eventually.within(READ_SIDE, () -> {
            var file = api.get("anna", "/api/cases/" + caseId).expect(200).json();
            assertThat(file.get("coordinatorId").asString()).isEqualTo("anna");
            assertThat(file.get("openedBy").asString()).isEqualTo("anna");
        });
        Eventually.within(READ_SIDE, () -> assertThat(api.get("celina", "/api/caseload?coordinatorId=anna")
                .expect(200).body()).contains(caseId));
    }

    @Test
    void evaluatorWithATokenIsRefusedAWrite() {
        long before = storedEvents();

        api.post("dawid", "/api/cases", ApiClient.newCase("Zielińska")).expectProblem(403, "forbidden");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void tokenWithoutAnyScieżkaRoleMayNeitherWriteNorRead() {
        String roleless = sign(TRUSTED, claims("olek", Duration.ofHours(1)).claim("roles", List.of("JANITOR")).build());
        String noRolesClaim = sign(TRUSTED, claims("olek", Duration.ofHours(1)).build());

        for (String token : List.of(roleless, noRolesClaim)) {
            bearer(token, "/api/caseload").expectProblem(403, "forbidden");
            api.send(api.request(null, "/api/cases").header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"familyName\":\"X\",\"district\":\"Y\"}"))
                            .build())
                    .expectProblem(403, "forbidden");
        }
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        String expired = TokenMinter.mint(TRUSTED.getPrivate(), "anna", Role.CASEWORKER, Duration.ofMinutes(-5));

        ApiClient.Response response = bearer(expired, "/api/caseload").expectProblem(401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthenticated() {
        KeyPair stranger = TokenMinter.newRsaKeyPair();
        String forged = TokenMinter.mint(stranger.getPrivate(), "celina", Role.SUPERVISOR, Duration.ofHours(1));

        bearer(forged, "/api/caseload").expectProblem(401, "unauthenticated");
        bearer("not-a-jwt", "/api/caseload").expectProblem(401, "unauthenticated");
    }

    @Test
    void demoUsersDoNotExistAndBasicCredentialsAreRefused() {
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
        for (String user : List.of("anna", "bartek", "ewa", "celina", "dawid", "pup", "admin")) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            ApiClient.Response response = api.send(api.request(null, "/api/caseload")
                    .header("Authorization", basic).GET().build());
            response.expectProblem(401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(api.get(null, "/api/caseload").expectProblem(401, "unauthenticated")
                .header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sciezka\"");
        api.get(null, "/actuator/health").expect(200);
    }

    private static ApiClient.Response bearer(String token, String path) {
        return api.send(api.request(null, path).header("Authorization", "Bearer " + token).GET().build());
    }

    private static JWTClaimsSet.Builder claims(String userId, Duration ttl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(userId).issuer(TokenMinter.ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            token.sign(new RSASSASigner(key.getPrivate()));
            return token.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedEvents() {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
