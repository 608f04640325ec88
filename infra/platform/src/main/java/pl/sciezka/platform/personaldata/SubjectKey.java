package pl.sciezka.platform.personaldata;

import javax.crypto.SecretKey;

/** What the key store knows of a data subject: a live key, a destroyed one, or nothing at all. */
final class SubjectKey {

    static final SubjectKey DESTROYED = new SubjectKey(null, "destroyed");
    static final SubjectKey MISSING = new SubjectKey(null, "missing");

    private final SecretKey key;
    private final String state;

    private SubjectKey(SecretKey key, String state) {
        this.key = key;
        this.state = state;
    }

    static SubjectKey live(SecretKey key) {
        return new SubjectKey(key, "live");
    }

    boolean isLive() {
        return key != null;
    }

    boolean isDestroyed() {
        return this == DESTROYED;
    }

    /** Only when {@link #isLive()}. */
    SecretKey key() {
        if (key == null) {
            throw new IllegalStateException("no live key: " + state);
        }
        return key;
    }

    /** Never the key material: this may end up in a log line. */
    @Override
    public String toString() {
        return "SubjectKey[" + state + "]";
    }
}
