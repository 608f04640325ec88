package pl.sciezka.query.network;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.network.FindNetworkUsage;
import pl.sciezka.api.network.FindOfferings;
import pl.sciezka.api.network.NetworkUsage;
import pl.sciezka.api.network.OfferingCatalogue;
import pl.sciezka.query.dispatch.QueryDispatcher;

/** Reads of the support network (<i>sieć wsparcia</i>): its catalogue, and how it is used. */
@RestController
class NetworkReadController {

    private final QueryDispatcher queries;

    NetworkReadController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping("/api/network/offerings")
    OfferingCatalogue offerings(Actor actor) {
        return queries.ask(new FindOfferings(actor), OfferingCatalogue.class);
    }

    @GetMapping("/api/network/usage")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'EVALUATOR', 'ADMIN')")
    NetworkUsage usage(Actor actor) {
        return queries.ask(new FindNetworkUsage(actor), NetworkUsage.class);
    }
}
