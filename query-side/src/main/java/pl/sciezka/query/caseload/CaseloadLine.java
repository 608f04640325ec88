package pl.sciezka.query.caseload;

import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.familycase.CaseStatus;

/**
 * One case in a coordinator's caseload, with the sequence number of the last event applied to it and
 * the status to return to if a closure request is rejected.
 */
record CaseloadLine(CaseloadEntry entry, long version, CaseStatus statusBeforeClosureRequest) {
}
