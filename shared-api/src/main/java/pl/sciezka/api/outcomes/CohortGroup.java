package pl.sciezka.api.outcomes;

/**
 * One cohort: its families, how many were measured at the horizon, how many of those broke the
 * cycle (and the rate among the measured), and the means of the indicators among the measured.
 */
public record CohortGroup(String key,
                          int families,
                          int measured,
                          int cycleBroken,
                          Double cycleBrokenRate,
                          Double meanIncomePerPerson,
                          Double shareReceivingAssistance,
                          Double parentEmploymentRate,
                          Double meanSchoolAttendance) {
}
