package pl.sciezka.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

class WriteConditionsTest {

    @Test
    void ifMatchNamesTheVersionOfAnETagThisApiSent() {
        assertThat(WriteConditions.expectedVersion(List.of("\"0\""))).isZero();
        assertThat(WriteConditions.expectedVersion(List.of(" \"42\" "))).isEqualTo(42L);
    }

    @Test
    void absentIfMatchOrAStarAsksForNoVersion() {
        assertThat(WriteConditions.expectedVersion(List.of())).isNull();
        assertThat(WriteConditions.expectedVersion(List.of("*"))).isNull();
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"3", "W/\"3\"", "\"3\", \"4\"", "\"03\"", "\"3", "\"x\"", "", "\"9999999999999999999\""})
    void anyOtherIfMatchIsMalformed(String header) {
        assertMalformed(() -> WriteConditions.expectedVersion(List.of(header)));
    }

    @Test
    void headersSentTwiceAreMalformed() {
        assertMalformed(() -> WriteConditions.expectedVersion(List.of("\"1\"", "\"2\"")));
        assertMalformed(() -> WriteConditions.idempotencyKey(List.of("a", "b")));
    }

    @Test
    void idempotencyKeyIsTheSameBareOrQuoted() {
        assertThat(WriteConditions.idempotencyKey(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .isEqualTo(WriteConditions.idempotencyKey(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(WriteConditions.idempotencyKey(List.of())).isNull();
    }

    @ParameterizedTest(name = "Idempotency-Key: {0}")
    @ValueSource(strings = {"", "\"\"", "two words", "quo\"te", "back\\slash", "zażółć"})
    void idempotencyKeyOfOtherCharactersIsMalformed(String header) {
        assertMalformed(() -> WriteConditions.idempotencyKey(List.of(header)));
    }

    @Test
    void idempotencyKeyFitsItsColumn() {
        assertThat(WriteConditions.idempotencyKey(List.of("k".repeat(255)))).hasSize(255);
        assertMalformed(() -> WriteConditions.idempotencyKey(List.of("k".repeat(256))));
    }

    private static void assertMalformed(Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(RejectedException.class,
                rejected -> assertThat(rejected.rejection().type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }
}
