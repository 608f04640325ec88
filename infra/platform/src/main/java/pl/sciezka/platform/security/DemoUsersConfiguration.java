package pl.sciezka.platform.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import pl.sciezka.api.Role;

/**
 * The built-in users of the embedded default (password = user name). They exist only where
 * {@code sciezka.security.demo-users=true}, which only the embedded default sets.
 */
@AutoConfiguration(before = SecurityConfiguration.class)
@ConditionalOnProperty(name = "sciezka.security.demo-users", havingValue = "true")
public class DemoUsersConfiguration {

    static final Map<String, Role> DEMO_USERS = Map.of(
            "anna", Role.CASEWORKER,
            "bartek", Role.CASEWORKER,
            "ewa", Role.SPECIALIST,
            "celina", Role.SUPERVISOR,
            "dawid", Role.EVALUATOR,
            "pup", Role.PROVIDER,
            "admin", Role.ADMIN);

    @Bean
    UserDetailsService demoUsers() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        DEMO_USERS.forEach((name, role) -> users.createUser(
                User.withUsername(name).password("{noop}" + name).roles(role.name()).build()));
        // Handed out as a plain UserDetailsService: the manager is also a UserDetailsPasswordService,
        // and Spring Security would then "upgrade" each {noop} password to BCrypt at its first login,
        // costing ~90 ms of hashing on every later request, for passwords that are public by design.
        return users::loadUserByUsername;
    }
}
