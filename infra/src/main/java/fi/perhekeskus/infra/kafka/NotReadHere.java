package fi.perhekeskus.infra.kafka;

/**
 * The payload of a record whose event type the reading processor handles nowhere: it passes (its
 * token moves) without its JSON being parsed.
 *
 * @param type the record's CloudEvents type
 */
public record NotReadHere(String type) {
}
