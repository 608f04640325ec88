package pl.sciezka.api.network;

import java.math.BigDecimal;

/**
 * Usage figures of a set of referrals.
 * <ul>
 * <li>{@code referrals}: issued; {@code accepted}, {@code declined}: answered so by the provider;
 *     {@code awaitingAnswer}: neither (some were revoked before an answer).</li>
 * <li>{@code acceptanceRate}: accepted ÷ answered (accepted + declined), {@code null} while none was
 *     answered; a referral revoked before any answer says nothing about the provider.</li>
 * <li>{@code medianDaysToFirstService}: over the referrals with at least one delivery, the days from
 *     the day of issue (Europe/Warsaw) to the earliest delivery date; {@code null} if none.</li>
 * <li>{@code unitsDelivered}, {@code cost}: sums over every delivery.</li>
 * </ul>
 */
public record UsageFigures(int referrals, int accepted, int declined, int awaitingAnswer, Double acceptanceRate,
                           int referralsServed, Double medianDaysToFirstService, int deliveries,
                           BigDecimal unitsDelivered, BigDecimal cost) {
}
