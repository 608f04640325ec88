package pl.sciezka.api.outcomes;

/**
 * When is the inheritance of poverty broken for a family, at a follow-up? An evaluator may change
 * every threshold; each answer says which definition produced it.
 *
 * @param maxMonthsOnAssistance the household received social assistance in at most this many of the
 *                              last 12 months (default 0: not at all for 12 months)
 * @param minWorkingParents     at least this many adults of the parent generation are employed (default 1)
 * @param minSchoolAttendance   every school-age child attends at least this share of school days (default 0.8)
 */
public record CycleDefinition(int maxMonthsOnAssistance, int minWorkingParents, double minSchoolAttendance) {

    public static final CycleDefinition DEFAULT = new CycleDefinition(0, 1, 0.8);
}
