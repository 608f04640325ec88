package pl.sciezka.command.familycase;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether family cases are kept in memory between commands ({@link RecentCases}), by
 * {@code sciezka.commands.case-cache-size}: off unless set, since it is only right where this process
 * is the one writer of the event store. With two command nodes, the one that did not write a case's
 * last event would still hold it one version behind: the append of a decision on it would fail and be
 * retried (no stale decision is stored), but a request whose {@code If-Match} names the newest version
 * would be refused with 412 once. The embedded default, one JVM, turns it on.
 */
@Configuration(proxyBeanMethods = false)
class FamilyCaseCacheConfiguration {

    /** The bean {@link FamilyCase}'s {@code @Aggregate(cache = ...)} names. */
    static final String BEAN = "familyCaseCache";

    @Bean(BEAN)
    Cache familyCaseCache(@Value("${sciezka.commands.case-cache-size:0}") int size) {
        return size > 0 ? new RecentCases(size) : NoCache.INSTANCE;
    }
}
