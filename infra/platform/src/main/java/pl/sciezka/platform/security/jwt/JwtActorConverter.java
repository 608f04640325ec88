package pl.sciezka.platform.security.jwt;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import pl.sciezka.api.Role;

/**
 * Turns a verified token into the caller: the user id from one claim, the roles from another as
 * {@code ROLE_<NAME>} authorities, so {@code @PreAuthorize} and the {@code Actor} parameter work as
 * with the demo users. Role names an identity provider knows but Ścieżka does not are skipped.
 */
public class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String userIdClaim;
    private final String rolesClaim;

    public JwtActorConverter(String userIdClaim, String rolesClaim) {
        this.userIdClaim = userIdClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt), jwt.getClaimAsString(userIdClaim));
    }

    private Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> names = jwt.hasClaim(rolesClaim) ? jwt.getClaimAsStringList(rolesClaim) : List.of();
        return names == null ? List.of() : names.stream()
                .filter(Role::isKnown)
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                .toList();
    }
}
