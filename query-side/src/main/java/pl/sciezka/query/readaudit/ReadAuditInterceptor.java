package pl.sciezka.query.readaudit;

import java.util.Optional;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.audit.FindTimeline;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;
import pl.sciezka.api.casefile.FindCaseFile;
import pl.sciezka.api.casefile.FindCaseFileAsOf;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.pseudonyms.CasePseudonyms;

/**
 * Records every answer to a case file, an as-of case file or a timeline query, where the query is
 * answered: around its handler on the query side, whichever controller or process asked. A refusal
 * and a case not found (or not visible to the reader) are recorded too, as attempts.
 */
@Component
class ReadAuditInterceptor implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    private final ReadAudit audit;
    private final CasePseudonyms casePseudonyms;

    /** Axon's auto-configuration registers every query handler interceptor bean with the query bus. */
    ReadAuditInterceptor(ReadAudit audit, CasePseudonyms casePseudonyms) {
        this.audit = audit;
        this.casePseudonyms = casePseudonyms;
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object query = unitOfWork.getMessage().getPayload();
        Read read = Read.of(query, casePseudonyms);
        if (read == null) {
            return chain.proceed();
        }
        Object answer;
        try {
            answer = chain.proceed();
        } catch (RejectedException rejected) {
            audit.record(read.reader(), read.kind(), read.caseId(), read.asOf(),
                    rejected.rejection().type() == ProblemType.FORBIDDEN ? ReadOutcome.REFUSED : ReadOutcome.NOT_FOUND);
            throw rejected;
        }
        boolean shown = answer instanceof Optional<?> optional ? optional.isPresent() : answer != null;
        audit.record(read.reader(), read.kind(), read.caseId(), read.asOf(), shown ? ReadOutcome.SHOWN : ReadOutcome.NOT_FOUND);
        return answer;
    }

    private record Read(Actor reader, ReadKind kind, String caseId, java.time.Instant asOf) {

        /** An evaluator names a case by its pseudonym; the audit records the case itself. */
        static Read of(Object query, CasePseudonyms casePseudonyms) {
            if (query instanceof FindCaseFile file) {
                return new Read(file.viewer(), ReadKind.CASE_FILE, file.caseId(), null);
            } else if (query instanceof FindCaseFileAsOf asOf) {
                String caseId = asOf.viewer().is(Role.EVALUATOR)
                        ? casePseudonyms.caseIdOf(asOf.caseId()).orElse(asOf.caseId()) : asOf.caseId();
                return new Read(asOf.viewer(), ReadKind.CASE_FILE_AS_OF, caseId, asOf.asOf());
            } else if (query instanceof FindTimeline timeline) {
                return new Read(timeline.viewer(), ReadKind.TIMELINE, timeline.caseId(), null);
            }
            return null;
        }
    }
}
