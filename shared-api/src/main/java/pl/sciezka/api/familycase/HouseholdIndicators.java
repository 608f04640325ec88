package pl.sciezka.api.familycase;

import java.math.BigDecimal;

/** Household indicators measured the same way at every horizon. */
public record HouseholdIndicators(BigDecimal incomePerPerson, boolean receivesSocialAssistance, int monthsOnAssistanceLast12, Housing housing) {
}
