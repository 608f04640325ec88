package pl.sciezka.api.outcomes;

/**
 * One generation's indicators at a measurement: how many were measured, employed, in education or
 * training, not in employment, education or training while aged 15–24 (NEET), and the mean school
 * attendance of its school-age children (null when none).
 */
public record GenerationIndicators(int measured, int employed, int inEducationOrTraining, int neet,
                                   Double meanSchoolAttendance) {
}
