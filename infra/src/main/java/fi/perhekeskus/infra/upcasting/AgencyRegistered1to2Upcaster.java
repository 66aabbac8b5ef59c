package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AgencyRegistered v2 lists the municipalities an agency serves; a v1 agency served its own. */
public class AgencyRegistered1to2Upcaster implements JsonUpcaster {

    @Override
    public String eventName() {
        return "AgencyRegistered";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        ObjectNode upcast = event.deepCopy();
        if (!upcast.has("servedMunicipalities") && upcast.hasNonNull("municipality")) {
            upcast.putArray("servedMunicipalities").add(upcast.get("municipality").asText());
        }
        return upcast;
    }
}
