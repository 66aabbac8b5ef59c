package fi.perhekeskus.infra.web;

import java.util.List;

/**
 * The public contract's size limits (docs/contract.md, "Limits"), as constants for constraint annotations.
 * Columns and the event backbone are sized to carry whatever passes them.
 */
public final class Limits {

    /** A name or title, in characters. */
    public static final int NAME = 200;
    /** A free text, in characters. */
    public static final int TEXT = 2000;
    /** Items in a list of a body, unless the contract names another bound. */
    public static final int LIST = 50;
    public static final int AGENCY_IDS = 20;
    public static final int LANGUAGES = 10;
    public static final int MEMBERS = 20;
    public static final int SESSIONS = 20;
    /** A language tag (BCP 47, e.g. {@code fi}, {@code sv-FI}). */
    public static final int LANGUAGE_TAG = 35;
    /** A free-text search ({@code q}) or another short query value. */
    public static final int QUERY_TEXT = 200;
    /** Page size: {@code limit} 1..500, default 50. */
    public static final int PAGE_MAX = 500;
    /** How deep {@code offset} may page; beyond it a narrower query is the answer. */
    public static final int OFFSET_MAX = 100_000;
    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2200;

    private Limits() {
    }

    /** One page of a list already in memory (a view's document, say), for lists the store cannot page itself. */
    public static <T> List<T> page(List<T> all, int limit, int offset) {
        return all.stream().skip(offset).limit(limit).toList();
    }
}
