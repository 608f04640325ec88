package pl.sciezka.api.network;

import pl.sciezka.api.Actor;

/** How the support network is used, per offering, per institution and per family; see {@link NetworkUsage}. */
public record FindNetworkUsage(Actor viewer) {
}
