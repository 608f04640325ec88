package pl.sciezka.command.network;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Institutions and offerings are loaded without a lock. Commands on other streams read them far more
 * often than they change (every referral reads its offering, every delivery and acceptance its
 * institution), and Axon's lock, held until the loading command commits, made each such command wait
 * for the others' commits: with every referral of a benchmark naming one offering, 1.4% of the
 * 8-client requests waited 11 ms on average for it. The lock guards nothing the event store does not:
 * two changes of one institution or offering at once both append at the same sequence number, and
 * the loser is retried ({@code LostRaceRetryScheduler}) and then refused by the rules
 * ({@code NetworkRacesTest}). A referral that loaded its offering just before a withdrawal committed
 * still lands; across scaled-out command instances the in-memory lock never prevented that anyway.
 */
@Configuration(proxyBeanMethods = false)
class NetworkLockConfiguration {

    /** The bean that {@link Institution}'s and {@link Offering}'s {@code @Aggregate(lockFactory = ...)} name. */
    static final String BEAN = "networkLockFactory";

    @Bean(BEAN)
    LockFactory networkLockFactory() {
        return NullLockFactory.INSTANCE;
    }
}
