package pl.sciezka.command.network;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Institutions are loaded without a lock. An institution never changes after it is registered, so
 * there is nothing to serialise on, while the lock, held until the loading command commits, made
 * every delivery and acceptance by one institution's staff wait for the others' ({@code isStaffOf}).
 * Two registrations of one id at once still cannot both land: the second append collides in the
 * event store and is retried, then refused as already registered.
 */
@Configuration(proxyBeanMethods = false)
class InstitutionLockConfiguration {

    /** The bean {@link Institution}'s {@code @Aggregate(lockFactory = ...)} names. */
    static final String BEAN = "institutionLockFactory";

    @Bean(BEAN)
    LockFactory institutionLockFactory() {
        return NullLockFactory.INSTANCE;
    }
}
