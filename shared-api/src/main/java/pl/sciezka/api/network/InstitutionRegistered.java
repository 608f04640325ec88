package pl.sciezka.api.network;

import java.util.List;

public record InstitutionRegistered(String institutionId, String name, InstitutionKind kind, List<String> staffUserIds) {

    public InstitutionRegistered {
        staffUserIds = staffUserIds == null ? List.of() : List.copyOf(staffUserIds);
    }
}
