package pl.sciezka.command.familycase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record OpenFamilyCaseRequest(@NotBlank @Size(max = 120) String familyName,
                             @NotBlank @Size(max = 120) String district,
                             @Size(min = 1, max = 64) String coordinatorId) {
}
