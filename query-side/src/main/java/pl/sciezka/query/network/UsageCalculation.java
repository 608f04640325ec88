package pl.sciezka.query.network;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import pl.sciezka.api.network.UsageFigures;
import pl.sciezka.query.network.ReferralLine.Answer;

/** Usage figures of any set of referral lines (one offering's, one institution's); see {@link UsageFigures}. */
final class UsageCalculation {

    private UsageCalculation() {
    }

    static UsageFigures of(Collection<ReferralLine> lines) {
        int accepted = (int) lines.stream().filter(line -> line.answer() == Answer.ACCEPTED).count();
        int declined = (int) lines.stream().filter(line -> line.answer() == Answer.DECLINED).count();
        long[] daysToFirstService = lines.stream()
                .filter(line -> line.firstServiceOn() != null)
                .mapToLong(line -> ChronoUnit.DAYS.between(line.issuedOn(), line.firstServiceOn()))
                .sorted()
                .toArray();
        return new UsageFigures(lines.size(), accepted, declined, lines.size() - accepted - declined,
                accepted + declined == 0 ? null : (double) accepted / (accepted + declined),
                daysToFirstService.length, median(daysToFirstService),
                lines.stream().mapToInt(ReferralLine::deliveries).sum(),
                lines.stream().map(ReferralLine::units).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(ReferralLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The middle value of sorted numbers, or the mean of the two middle ones; {@code null} for none. */
    static Double median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
