package pl.sciezka.query.network;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.network.InstitutionKind;

/** A partner institution by its id: its name and kind for the catalogue and the usage figures. */
@Document("network_institutions")
record InstitutionDocument(@Id String institutionId, String name, InstitutionKind kind) {
}
