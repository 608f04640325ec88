package pl.sciezka.query.network;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralDeclined;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.OfferingListed;
import pl.sciezka.api.network.OfferingWithdrawn;
import pl.sciezka.query.network.ReferralLine.Answer;
import pl.sciezka.query.projection.BatchAggregates;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * The support network's catalogue and usage. The events come from three kinds of streams (offering,
 * institution, family case) that a pooled processor handles in parallel segments, so a referral may
 * be seen before the offering it names. Each document has one owner, whose sequence number guards it
 * against a redelivered event: an offering's document its own stream, a referral's line and a
 * family's costs the case's.
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
        update(OfferingDocument.class, event.offeringId(), OfferingDocument::of, sequence, offering -> {
            offering.institutionId = event.institutionId();
            offering.category = event.category();
            offering.name = event.name();
            offering.unit = event.unit();
            offering.unitCost = event.unitCost();
            offering.capacity = event.capacity();
        });
    }

    @EventHandler
    void on(OfferingWithdrawn event, @SequenceNumber long sequence) {
        update(OfferingDocument.class, event.offeringId(), OfferingDocument::of, sequence,
                offering -> offering.withdrawn = true);
    }

    @EventHandler
    void on(ReferralIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writer.readAhead(ReferralLine.class, () -> BatchAggregates.payloadsOfTheCurrentBatch(ReferralIssued.class).stream()
                .map(ReferralIssued::referralId).toList());
        if (writer.find(ReferralLine.class, event.referralId()) == null) {
            writer.save(ReferralLine.issued(event.referralId(), event.offeringId(), event.caseId(),
                    at.atZone(CENTRE_ZONE).toLocalDate(), sequence));
        }
        update(FamilyCostDocument.class, event.caseId(), FamilyCostDocument::of, sequence,
                family -> family.referrals++);
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
        update(FamilyCostDocument.class, event.caseId(), FamilyCostDocument::of, sequence, family -> {
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
        mongo.dropCollection(ReferralLine.class);
        mongo.dropCollection(FamilyCostDocument.class);
    }

    /** Changes the document {@code id} ({@code blank} if there is none yet) unless it has seen {@code sequence}. */
    private <D extends SequencedDocument> void update(Class<D> type, String id, Function<String, D> blank, long sequence,
                                                      Consumer<D> change) {
        D document = writer.find(type, id);
        if (document == null) {
            document = blank.apply(id);
        }
        if (document.version >= sequence) {
            return;
        }
        change.accept(document);
        document.version = sequence;
        writer.save(document);
    }

    /** Changes a referral's line unless it has already seen {@code sequence}. */
    private void changeLine(String referralId, long sequence, UnaryOperator<ReferralLine> change) {
        ReferralLine line = writer.find(ReferralLine.class, referralId);
        if (line != null && line.version() < sequence) {
            writer.save(change.apply(line));
        }
    }
}
