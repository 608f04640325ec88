package pl.sciezka.api.caseload;

import java.util.List;

/** Open cases, newest activity first. */
public record Caseload(List<CaseloadEntry> cases) {

    public Caseload {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }
}
