package pl.sciezka.command.network;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.network.InstitutionKind;
import pl.sciezka.api.network.ListOffering;
import pl.sciezka.api.network.OfferingCategory;
import pl.sciezka.api.network.RegisterInstitution;
import pl.sciezka.api.network.WithdrawOffering;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** The support network (<i>sieć wsparcia</i>): partner institutions and the services they offer. */
@RestController
@RequestMapping("/api/network")
class NetworkController {

    record InstitutionRequest(@NotBlank @Size(max = 200) String name, @NotNull InstitutionKind kind,
                              @Size(max = 100) List<@NotBlank @Size(max = 64) String> staffUserIds) {
    }

    record OfferingRequest(@NotBlank @Size(max = 64) String institutionId, @NotNull OfferingCategory category,
                           @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String unit,
                           @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal unitCost, @NotNull @Min(1) @Max(100_000) Integer capacity) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandDispatcher commands;

    NetworkController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/institutions")
    ResponseEntity<Map<String, String>> registerInstitution(@Valid @RequestBody InstitutionRequest request, Actor actor) {
        String institutionId = commands.send(new RegisterInstitution(commands.newId(actor, "institutionId"), request.name(),
                request.kind(), request.staffUserIds()), actor);
        return ResponseEntity.created(URI.create("/api/network/institutions/" + institutionId))
                .body(Map.of("institutionId", institutionId));
    }

    @PostMapping("/offerings")
    ResponseEntity<Map<String, String>> listOffering(@Valid @RequestBody OfferingRequest request, Actor actor) {
        String offeringId = commands.send(new ListOffering(commands.newId(actor, "offeringId"), request.institutionId(),
                request.category(), request.name(), request.unit(), request.unitCost(), request.capacity()), actor);
        return ResponseEntity.created(URI.create("/api/network/offerings/" + offeringId))
                .body(Map.of("offeringId", offeringId));
    }

    @PostMapping("/offerings/{offeringId}/withdrawal")
    ResponseEntity<Map<String, String>> withdraw(@PathVariable String offeringId,
                                                 @Valid @RequestBody WithdrawalRequest request, Actor actor) {
        commands.send(new WithdrawOffering(offeringId, request.reason()), actor);
        return ResponseEntity.ok(Map.of("offeringId", offeringId));
    }
}
