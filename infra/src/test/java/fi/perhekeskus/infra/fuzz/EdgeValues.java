package fi.perhekeskus.infra.fuzz;

import java.util.List;

/** Values that break parsers, converters and arithmetic: the raw material of malformed requests. */
final class EdgeValues {

    /** Query and header values: numbers out of range, impossible dates, odd text. */
    static final List<String> TEXT = List.of(
            "", " ", "-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309",
            "-1e309", "NaN", "Infinity", "-0", "0x10", "1_000", "1.5", "0000-01-01", "99999-12-31",
            "+10000-01-01", "-0001-01-01", "1899-12-31", "2201-01-01", "2026-02-30", "2026-13-01",
            "2026-01-01T25:00:00Z", "not-a-date", "null", "undefined", "true", "[]", "{}", "a,b,c",
            "ÄÖÅäöå", "\u00e9\u0301", "😀", "\u202e\u202d", "\u0000", "x\u0000y", "%00", "%2e%2e", "../../etc/passwd",
            "' OR 1=1 --", "{\"$gt\":\"\"}", "$where", "<script>alert(1)</script>", "=cmd|'/c calc'!A1",
            "\t", "\r\n", "SELECT", "PURPLE", "green", "ΑΒΓ", "\uFFFF", "\uD800");

    /** Path values for a UUID: none of them a UUID of anything that exists. */
    static final List<String> BAD_UUIDS = List.of(
            "not-a-uuid", "123", "0", "-1", "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-0000000000000", "0000000000000000000000000000000", "{uuid}",
            "6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e1", "6f1c9a560a4e4a499d420c3a3c8f9e11", "null", "ä", "😀",
            "%00", "x\u0000y", "%2e%2e", "..", "1e309", "NaN", "2147483648", "' OR 1=1 --", " ",
            "6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11x", "6f1c9a56_0a4e_4a49_9d42_0c3a3c8f9e11");

    /** UUIDs that parse but name nothing. */
    static final List<String> UNKNOWN_UUIDS = List.of(
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1-1-1-1-1");

    /** Idempotency-Key values a client might send by mistake or on purpose. */
    static final List<String> IDEMPOTENCY_KEYS = List.of(
            "", " ", "x", "null", "../../", "%00", "key with spaces", "ÄÖÅ", "a".repeat(10_000), "a".repeat(257),
            "00000000-0000-0000-0000-000000000000", "\t", "=1+1", "<b>", "*", "k,k");

    /** Content types that must not be read as this request's JSON. */
    static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "text/csv", "image/png", "application/json; charset=bogus",
            "application/json; charset=UTF-16", "application/json; charset=",
            "application/", "/", "json", ";;;", "*/*");

    /** Content types a JSON reader may accept. */
    static final List<String> JSON_CONTENT_TYPES = List.of(
            "application/json", "application/json", "application/json;charset=UTF-8", "APPLICATION/JSON",
            "application/problem+json", "application/merge-patch+json");

    static final List<String> ACCEPTS = List.of(
            "*/*", "application/json", "application/xml", "text/csv", "text/html", "application/problem+json",
            "application/json;q=0", "///", "text/*;q=0.5, */*;q=0.1", "application/json, text/csv", "");

    private EdgeValues() {
    }
}
