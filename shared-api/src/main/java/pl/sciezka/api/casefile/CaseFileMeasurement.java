package pl.sciezka.api.casefile;

import java.time.LocalDate;
import java.util.List;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.MemberIndicators;

/** An outcome measurement; {@code correctedBy} names a later one that replaces it. */
public record CaseFileMeasurement(String measurementId,
                                  int episode,
                                  Horizon horizon,
                                  LocalDate measuredOn,
                                  HouseholdIndicators household,
                                  List<MemberIndicators> members,
                                  String correctsMeasurementId,
                                  String correctedBy) {
}
