package pl.sciezka.platform.eventstore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps Axon's JDBC engine stores. Axon writes every event's time as
 * {@code 2026-11-24T10:15:30.123Z} ({@link DateTimeUtils#formatInstant}) and parses it back with a
 * {@code DateTimeFormatter} each time a message's timestamp is asked for, which was a fifth of the
 * time a case file as of a past date took. That one shape is read here digit by digit; anything else
 * (another offset, more or fewer digits) goes to Axon's parser, so the answer is always Axon's.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-11-24T10:15:30.123Z".length();

    private StoredTimestamps() {
    }

    static Instant parse(CharSequence stored) {
        if (stored.length() != LENGTH || !hasSeparators(stored)) {
            return DateTimeUtils.parseInstant(stored);
        }
        int year = digits(stored, 0, 4);
        int month = digits(stored, 5, 2);
        int day = digits(stored, 8, 2);
        int hour = digits(stored, 11, 2);
        int minute = digits(stored, 14, 2);
        int second = digits(stored, 17, 2);
        int millis = digits(stored, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return DateTimeUtils.parseInstant(stored);
        }
        // LocalDateTime.of checks every field's range, as the formatter does
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
    }

    private static boolean hasSeparators(CharSequence s) {
        return s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == '.' && s.charAt(23) == 'Z';
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
