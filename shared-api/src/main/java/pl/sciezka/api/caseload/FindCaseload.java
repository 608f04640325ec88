package pl.sciezka.api.caseload;

import pl.sciezka.api.Actor;

/**
 * Asks for open cases. A caseworker always gets their own; a supervisor or specialist gets one
 * coordinator's when {@code coordinatorId} is given, otherwise every coordinator's.
 */
public record FindCaseload(Actor viewer, String coordinatorId) {
}
