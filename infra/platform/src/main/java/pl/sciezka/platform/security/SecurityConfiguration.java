package pl.sciezka.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import pl.sciezka.platform.security.jwt.JwtActorConverter;
import pl.sciezka.platform.web.ProblemWriter;

/**
 * Every API call is authenticated; who may do what is declared beside each endpoint with
 * {@code @PreAuthorize}, and which case a user may touch is decided by the aggregate or the query
 * handler that knows the case. Callers prove who they are with HTTP Basic (the embedded default's
 * demo users) or, with {@code sciezka.security.jwt.enabled=true}, only with a bearer JWT.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@EnableMethodSecurity
public class SecurityConfiguration {

    static final String JWT_ENABLED = "sciezka.security.jwt.enabled";

    @Bean
    @ConditionalOnBooleanProperty(name = JWT_ENABLED, havingValue = false, matchIfMissing = true)
    SecurityFilterChain basicApiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        api(http, problems, problems::unauthenticated)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated));
        return http.build();
    }

    /**
     * Bearer JWTs only: a Basic header is not even looked at, so the request is anonymous and gets a
     * 401 problem. The key comes from Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
     */
    @Bean
    @ConditionalOnBooleanProperty(JWT_ENABLED)
    SecurityFilterChain jwtApiSecurity(HttpSecurity http, ProblemWriter problems, ObjectProvider<JwtDecoder> decoder,
                                       @Value("${sciezka.security.jwt.user-id-claim:sub}") String userIdClaim,
                                       @Value("${sciezka.security.jwt.roles-claim:roles}") String rolesClaim)
            throws Exception {
        JwtDecoder jwtDecoder = decoder.getIfAvailable(() -> {
            throw new IllegalStateException(JWT_ENABLED + " needs a key: set spring.security.oauth2.resourceserver"
                    + ".jwt.issuer-uri, .jwk-set-uri or .public-key-location");
        });
        api(http, problems, problems::unauthenticatedBearer)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(new JwtActorConverter(userIdClaim, rolesClaim)))
                        .authenticationEntryPoint(problems::unauthenticatedBearer)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    private static HttpSecurity api(HttpSecurity http, ProblemWriter problems, AuthenticationEntryPoint unauthenticated)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // stateless API, no cookies to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the API's description and its browser, so a newcomer can read them before logging in
                        .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
                                "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(problems::forbidden));
    }
}
