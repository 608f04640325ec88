package pl.sciezka.api.familycase;

/** Every event of a family case's stream, so handling them can be checked for completeness. */
public sealed interface FamilyCaseEvent permits
        FamilyCaseOpened,
        DiagnosisRecorded,
        MemberRegistered,
        SupportPlanAgreed,
        GoalClosed,
        ReferralIssued,
        ReferralAccepted,
        ReferralDeclined,
        ReferralRevoked,
        ReferralDroppedOut,
        ServiceDelivered,
        ReferralCompleted,
        TaskTeamMeetingHeld,
        OutcomeMeasured,
        ClosureRequested,
        ClosureApproved,
        ClosureRejected,
        CaseReopened,
        MemberErased,
        CoordinatorReassigned,
        DecisionReviewed {

    String caseId();
}
