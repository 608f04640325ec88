package pl.sciezka.query.network;

/**
 * A network document that one event sequence owns whole: {@code version} is the sequence number of
 * the last of its events applied, so a redelivered one changes nothing.
 */
abstract class SequencedDocument {

    long version = -1;
}
