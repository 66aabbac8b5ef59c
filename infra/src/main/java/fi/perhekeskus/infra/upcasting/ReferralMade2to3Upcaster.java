package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** ReferralMade v3 names the members a referral concerns; a v2 referral concerned the whole family: none. */
public class ReferralMade2to3Upcaster implements JsonUpcaster {

    @Override
    public String eventName() {
        return "ReferralMade";
    }

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        ObjectNode upcast = event.deepCopy();
        if (!upcast.hasNonNull("memberIds")) {
            upcast.putArray("memberIds");
        }
        return upcast;
    }
}
