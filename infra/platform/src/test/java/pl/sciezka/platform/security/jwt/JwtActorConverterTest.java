package pl.sciezka.platform.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtActorConverterTest {

    @Test
    void readsTheUserIdAndRolesFromTheConfiguredClaims() {
        Jwt jwt = token().claim("preferred_username", "anna").claim("groups", List.of("offline_access", "CASEWORKER"))
                .build();

        AbstractAuthenticationToken caller = new JwtActorConverter("preferred_username", "groups").convert(jwt);

        assertThat(caller.getName()).isEqualTo("anna");
        assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CASEWORKER");
    }

    @Test
    void aTokenWithoutTheRolesClaimHasNoRole() {
        AbstractAuthenticationToken caller = new JwtActorConverter("sub", "roles").convert(token().build());

        assertThat(caller.getName()).isEqualTo("u-17");
        assertThat(caller.getAuthorities()).isEmpty();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u-17")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }
}
