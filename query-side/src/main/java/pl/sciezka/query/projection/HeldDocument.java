package pl.sciezka.query.projection;

/**
 * One document a projection owns whole, held for the rest of a batch: the object handlers change, and
 * a copy of it as of the last event that completed ({@code committed}: null while absent), which is
 * what a flush writes and what a failed event's changes are thrown away for.
 */
final class HeldDocument {

    final Class<?> type;
    final String collection;
    /** The object handlers see; null when absent, or when a failed event spoilt it ({@link #stale}). */
    Object current;
    Object committed;
    /** An event rolled back after changing {@link #current}: read it again from {@link #committed}. */
    boolean stale;
    boolean savedInThisEvent;
    /** Changed by a completed event and not yet written. */
    boolean unwritten;

    HeldDocument(Class<?> type, String collection, Object committed, Object current) {
        this.type = type;
        this.collection = collection;
        this.committed = committed;
        this.current = current;
    }
}
