package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

import java.util.Iterator;
import java.util.List;

/** An index whose keys can be read in their stored order between two bounds ({@link QueryPlan}). */
interface ScannableIndex {

    List<IndexKey> getKeys();

    /** The stored order of each key's element: what a scan forwards yields. */
    boolean[] storedDescending();

    /** Whether a scan yields each document once, in the order of its key (no array was ever indexed). */
    boolean yieldsKeyOrder();

    /** Whether a scan must bind every key (an index that leaves out some documents, such as those with an empty array). */
    boolean needsEveryKeyBound();

    /** Whether the index may answer queries at all (a sparse one leaves documents out). */
    boolean plannable();

    /** Positions of the keys between {@code from} and {@code to} (both in stored order), forwards or backwards. */
    Iterator<Object> positions(KeyValue from, KeyValue to, boolean reverse);
}
