package pl.sciezka.bench.extension;

import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import pl.sciezka.api.Role;

/**
 * Lets the synthetic caseworkers ({@code cw-01} … {@code cw-99}, password = name, as the demo users')
 * log in, beside the embedded default's demo users: a load of many clients is a centre with many
 * caseworkers, not two caseworkers with thousands of open cases each. Wraps the demo users' service
 * rather than replacing it, so the product's own users stay exactly as shipped.
 */
final class SyntheticCaseworkerLogins implements BeanPostProcessor {

    private static final Pattern SYNTHETIC_CASEWORKER = Pattern.compile("cw-\\d\\d");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof UserDetailsService demoUsers)) {
            return bean;
        }
        return (UserDetailsService) name -> SYNTHETIC_CASEWORKER.matcher(name).matches()
                ? caseworker(name)
                : demoUsers.loadUserByUsername(name);
    }

    private static UserDetails caseworker(String name) {
        return User.withUsername(name).password("{noop}" + name).roles(Role.CASEWORKER.name()).build();
    }
}
