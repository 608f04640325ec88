package pl.sciezka.api.familycase;

/** Every event of a family case's stream, so a {@code switch} over them is exhaustive. */
public sealed interface FamilyCaseEvent permits FamilyCaseOpened, DiagnosisRecorded {

    String caseId();
}
