package pl.sciezka.command.familycase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentCasesTest {

    @Test
    void forgetsTheCaseUsedLeastRecentlyOnceFull() {
        RecentCases cases = new RecentCases(2);
        cases.put("a", "case a");
        cases.put("b", "case b");
        assertThat((String) cases.get("a")).isEqualTo("case a");

        cases.put("c", "case c");

        assertThat(cases.containsKey("a")).isTrue();
        assertThat(cases.containsKey("b")).as("used least recently").isFalse();
        assertThat(cases.containsKey("c")).isTrue();
    }

    @Test
    void removesWhatTheRepositoryDropsAfterARollback() {
        RecentCases cases = new RecentCases(10);
        assertThat(cases.putIfAbsent("a", "case a")).isTrue();
        assertThat(cases.putIfAbsent("a", "other")).isFalse();

        assertThat(cases.remove("a")).isTrue();

        assertThat((Object) cases.get("a")).isNull();
        assertThat(cases.remove("a")).isFalse();
    }
}
