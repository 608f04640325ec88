package pl.sciezka.command.familycase;

/** What agreeing a support plan answers: the plan's new version and the case's. */
record PlanVersion(int planVersion, long version) {
}
