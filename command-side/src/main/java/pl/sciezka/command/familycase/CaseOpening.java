package pl.sciezka.command.familycase;

import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.familycase.OpenFamilyCase;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** Who opens a case and who coordinates it (rule 1: exactly one coordinator, a caseworker). */
final class CaseOpening {

    private CaseOpening() {
    }

    /** The coordinator of the new case: the caseworker opening it, or the one a supervisor names. */
    static String coordinatorOf(OpenFamilyCase command, Actor actor) {
        if (!actor.is(Role.CASEWORKER) && !actor.is(Role.SUPERVISOR)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + actor.role().labelEn() + " role may not open cases.");
        }
        String coordinator = command.coordinatorId() == null ? actor.userId() : command.coordinatorId();
        if (actor.is(Role.CASEWORKER) && !coordinator.equals(actor.userId())) {
            throw RejectedException.invalidField("coordinatorId",
                    "a caseworker opens cases they coordinate; only a supervisor assigns another coordinator");
        }
        if (actor.is(Role.SUPERVISOR) && command.coordinatorId() == null) {
            throw RejectedException.invalidField("coordinatorId",
                    "a supervisor opening a case must name the caseworker who coordinates it");
        }
        return coordinator;
    }
}
