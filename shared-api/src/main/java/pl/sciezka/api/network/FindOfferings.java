package pl.sciezka.api.network;

import pl.sciezka.api.Actor;

/** The support network's catalogue; every role may read it. */
public record FindOfferings(Actor viewer) {
}
