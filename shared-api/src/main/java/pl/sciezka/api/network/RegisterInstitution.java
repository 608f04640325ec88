package pl.sciezka.api.network;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a partner institution; {@code staffUserIds} are the provider users who act for it. */
public record RegisterInstitution(@TargetAggregateIdentifier String institutionId, String name, InstitutionKind kind,
                                  List<String> staffUserIds) {

    public RegisterInstitution {
        staffUserIds = staffUserIds == null ? List.of() : List.copyOf(staffUserIds);
    }
}
