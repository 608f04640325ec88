package pl.sciezka.query.network;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralDeclined;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.OfferingListed;
import pl.sciezka.api.network.OfferingWithdrawn;
import pl.sciezka.query.network.OfferingDocument.ReferralLine;
import pl.sciezka.query.network.OfferingDocument.ReferralLine.Answer;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * The support network's catalogue and usage. The events come from three kinds of streams (offering,
 * institution, family case) that a pooled processor handles in parallel segments, so a referral may
 * be seen before the offering it names; every write is therefore a field-level upsert that only its
 * own stream touches, guarded by that stream's sequence number.
 */
@Component
@ProcessingGroup(NetworkProjection.NAME)
class NetworkProjection {

    static final String NAME = "network";
    private static final ZoneId CENTRE_ZONE = ZoneId.of("Europe/Warsaw");

    private final ReadModelWriter writer;
    private final MongoTemplate mongo;

    NetworkProjection(ReadModelWriter writer, MongoTemplate mongo) {
        this.writer = writer;
        this.mongo = mongo;
    }

    @EventHandler
    void on(InstitutionRegistered event) {
        writer.save(new InstitutionDocument(event.institutionId(), event.name(), event.kind()));
    }

    @EventHandler
    void on(OfferingListed event, @SequenceNumber long sequence) {
        updateCatalogue(event.offeringId(), sequence, new Update()
                .set("institutionId", event.institutionId())
                .set("category", event.category())
                .set("name", event.name())
                .set("unit", event.unit())
                .set("unitCost", event.unitCost())
                .set("capacity", event.capacity()));
    }

    @EventHandler
    void on(OfferingWithdrawn event, @SequenceNumber long sequence) {
        updateCatalogue(event.offeringId(), sequence, new Update().set("withdrawn", true));
    }

    @EventHandler
    void on(ReferralIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writer.save(new ReferralOffering(event.referralId(), event.offeringId()));
        ensureOffering(event.offeringId());
        setLine(event.offeringId(), event.referralId(), sequence,
                line -> line != null ? null : ReferralLine.issued(event.caseId(), at.atZone(CENTRE_ZONE).toLocalDate(), sequence));
        updateFamily(event.caseId(), sequence, family -> family.referrals++);
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long sequence) {
        changeLine(event.referralId(), sequence, line -> line.answered(Answer.ACCEPTED, sequence));
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long sequence) {
        changeLine(event.referralId(), sequence, line -> line.answered(Answer.DECLINED, sequence));
    }

    @EventHandler
    void on(ServiceDelivered event, @SequenceNumber long sequence) {
        changeLine(event.referralId(), sequence,
                line -> line.delivered(event.deliveredOn(), event.units(), event.cost(), sequence));
        updateFamily(event.caseId(), sequence, family -> {
            family.deliveries++;
            family.unitsDelivered = family.unitsDelivered.add(event.units());
            if (event.cost() != null) {
                family.cost = family.cost.add(event.cost());
            }
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OfferingDocument.class);
        mongo.dropCollection(InstitutionDocument.class);
        mongo.dropCollection(ReferralOffering.class);
        mongo.dropCollection(FamilyCostDocument.class);
    }

    private void updateCatalogue(String offeringId, long sequence, Update update) {
        ensureOffering(offeringId);
        writer.updateFirst(Query.query(Criteria.where("_id").is(offeringId).orOperator(
                        Criteria.where("offeringVersion").exists(false),
                        Criteria.where("offeringVersion").lt(sequence))),
                update.set("offeringVersion", sequence), OfferingDocument.class);
    }

    /**
     * Creates the offering's document if no stream has yet; two streams racing to create it both go on
     * (the writer makes the loser's upsert again as an update, which changes nothing).
     */
    private void ensureOffering(String offeringId) {
        writer.upsert(Query.query(Criteria.where("_id").is(offeringId)),
                new Update().setOnInsert("referrals", new org.bson.Document()), OfferingDocument.class);
    }

    private void changeLine(String referralId, long sequence, UnaryOperator<ReferralLine> change) {
        ReferralOffering referral = writer.find(ReferralOffering.class, referralId);
        if (referral != null) {
            setLine(referral.offeringId(), referralId, sequence, line -> line == null ? null : change.apply(line));
        }
    }

    /**
     * Sets one referral's line unless the line has already seen {@code sequence}. Only the case's own
     * segment writes the line, so reading it and setting it back cannot lose another stream's write.
     */
    private void setLine(String offeringId, String referralId, long sequence, UnaryOperator<ReferralLine> change) {
        String path = "referrals." + referralId;
        ReferralLine current = writer.findField(OfferingDocument.class, offeringId, path,
                offering -> offering.referrals.get(referralId));
        if (current != null && current.version() >= sequence) {
            return;
        }
        ReferralLine changed = change.apply(current);
        if (changed != null) {
            writer.setField(OfferingDocument.class, offeringId, path, changed);
        }
    }

    private void updateFamily(String caseId, long sequence, java.util.function.Consumer<FamilyCostDocument> change) {
        FamilyCostDocument family = writer.find(FamilyCostDocument.class, caseId);
        if (family == null) {
            family = new FamilyCostDocument();
            family.caseId = caseId;
        }
        if (family.version >= sequence) {
            return;
        }
        change.accept(family);
        family.version = sequence;
        writer.save(family);
    }
}
