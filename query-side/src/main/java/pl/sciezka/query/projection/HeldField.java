package pl.sciezka.query.projection;

/**
 * One field of a shared document that only one stream writes (say, a case's line in an offering that
 * many cases refer to), held for the rest of a batch so that later events see its new value before it
 * is written. The value must be immutable: a failed event goes back to {@code committed} by reference.
 */
final class HeldField {

    Object current;
    Object committed;

    HeldField(Object loaded) {
        this.current = loaded;
        this.committed = loaded;
    }
}
