package pl.sciezka.query.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.network.CatalogueEntry;
import pl.sciezka.api.network.FindNetworkUsage;
import pl.sciezka.api.network.FindOfferings;
import pl.sciezka.api.network.NetworkUsage;
import pl.sciezka.api.network.OfferingCatalogue;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * The catalogue for everyone; usage for supervisors, evaluators and administrators. Only supervisors
 * see families by case id; evaluators and administrators by the same pseudonym the outcome views use.
 */
@Component
class NetworkQueryHandler {

    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;

    NetworkQueryHandler(MongoTemplate mongo, Pseudonyms pseudonyms) {
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
    }

    @QueryHandler
    OfferingCatalogue handle(FindOfferings query) {
        Map<String, InstitutionDocument> institutions = institutions();
        return new OfferingCatalogue(listedOfferings(institutions).stream().map(offering -> {
            InstitutionDocument institution = institutions.get(offering.institutionId);
            return new CatalogueEntry(offering.offeringId, offering.institutionId,
                    institution == null ? null : institution.name(), institution == null ? null : institution.kind(),
                    offering.category, offering.name, offering.unit, offering.unitCost, offering.capacity,
                    offering.withdrawn);
        }).toList());
    }

    @QueryHandler
    NetworkUsage handle(FindNetworkUsage query) {
        Actor viewer = query.viewer();
        if (!(viewer.is(Role.SUPERVISOR) || viewer.is(Role.EVALUATOR) || viewer.is(Role.ADMIN))) {
            throw RejectedException.of(ProblemType.FORBIDDEN,
                    "The " + viewer.role().labelEn() + " role may not read the support network's usage.");
        }
        Map<String, InstitutionDocument> institutions = institutions();
        List<OfferingDocument> offerings = listedOfferings(institutions);
        Map<String, List<ReferralLine>> linesByOffering = mongo.findAll(ReferralLine.class).stream()
                .collect(Collectors.groupingBy(ReferralLine::offeringId));
        List<NetworkUsage.OfferingUsage> byOffering = offerings.stream().map(offering -> {
            InstitutionDocument institution = institutions.get(offering.institutionId);
            return new NetworkUsage.OfferingUsage(offering.offeringId, offering.name, offering.category,
                    offering.institutionId, institution == null ? null : institution.name(), offering.withdrawn,
                    UsageCalculation.of(linesByOffering.getOrDefault(offering.offeringId, List.of())));
        }).toList();
        Map<String, List<OfferingDocument>> offeringsByInstitution = offerings.stream()
                .collect(Collectors.groupingBy(offering -> offering.institutionId));
        List<NetworkUsage.InstitutionUsage> byInstitution = offeringsByInstitution.entrySet().stream()
                .map(entry -> {
                    List<ReferralLine> lines = new ArrayList<>();
                    entry.getValue().forEach(offering ->
                            lines.addAll(linesByOffering.getOrDefault(offering.offeringId, List.of())));
                    InstitutionDocument institution = institutions.get(entry.getKey());
                    return new NetworkUsage.InstitutionUsage(entry.getKey(),
                            institution == null ? null : institution.name(), entry.getValue().size(),
                            UsageCalculation.of(lines));
                })
                .sorted(Comparator.comparing(NetworkUsage.InstitutionUsage::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        boolean pseudonymised = !viewer.is(Role.SUPERVISOR);
        List<NetworkUsage.FamilyCost> families = mongo.findAll(FamilyCostDocument.class).stream()
                .map(family -> new NetworkUsage.FamilyCost(
                        pseudonymised ? pseudonyms.of("case", family.caseId) : family.caseId,
                        family.referrals, family.deliveries, family.unitsDelivered, family.cost))
                .sorted(Comparator.comparing(NetworkUsage.FamilyCost::caseId))
                .toList();
        return new NetworkUsage(byOffering, byInstitution, families, pseudonymised);
    }

    private Map<String, InstitutionDocument> institutions() {
        return mongo.findAll(InstitutionDocument.class).stream()
                .collect(Collectors.toMap(InstitutionDocument::institutionId, Function.identity()));
    }

    /** The catalogue's offerings, by institution name and then offering name. */
    private List<OfferingDocument> listedOfferings(Map<String, InstitutionDocument> institutions) {
        Function<OfferingDocument, String> institutionName = offering -> {
            InstitutionDocument institution = institutions.get(offering.institutionId);
            return institution == null ? "" : institution.name();
        };
        return mongo.findAll(OfferingDocument.class).stream()
                .sorted(Comparator.comparing(institutionName).thenComparing(offering -> offering.name)
                        .thenComparing(offering -> offering.offeringId))
                .toList();
    }
}
