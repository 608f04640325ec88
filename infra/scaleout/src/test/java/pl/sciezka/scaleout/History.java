package pl.sciezka.scaleout;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the shared event store in PostgreSQL holds: the truth the views are compared with. */
final class History {

    private final JdbcTemplate jdbc;

    History(DataSource events) {
        this.jdbc = new JdbcTemplate(events);
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long eventsOf(String caseId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }

    /** The case's sequence numbers must run 0, 1, 2 … with no gap and no repeat. */
    boolean sequenceIsUnbroken(String caseId) {
        return jdbc.queryForObject("select count(distinct sequence_number) = count(*) and max(sequence_number) = count(*) - 1"
                + " from domain_event_entry where aggregate_identifier = ?", Boolean.class, caseId);
    }

    /** Members registered per case, from the events themselves. */
    Map<String, Long> membersPerCase() {
        Map<String, Long> members = new HashMap<>();
        jdbc.query("select aggregate_identifier, count(*) from domain_event_entry"
                        + " where payload_type = 'pl.sciezka.api.familycase.MemberRegistered' group by aggregate_identifier",
                row -> {
                    members.put(row.getString(1), row.getLong(2));
                });
        return members;
    }
}
