package pl.sciezka.query.caseload;

import pl.sciezka.api.caseload.CaseloadEntry;

/** One case in a coordinator's caseload, with the sequence number of the last event applied to it. */
record CaseloadLine(CaseloadEntry entry, long version) {
}
