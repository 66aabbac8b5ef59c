package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.referral.directory.AgencySummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A family's right-of-access report (Client Data Act 703/2023): its access log, newest first, with
 * the agencies' public names. Ids, names of public units, worker ids and bases only: no personal
 * data of the family, so it is complete after the family's erasure too.
 */
public record AccessReport(UUID familyId, boolean erased, Instant producedAt, List<Row> rows) {

    public static final List<String> COLUMNS = List.of("at", "kind", "agency", "worker", "what", "basis", "outcome",
            "toAgency", "referral");

    /** One access; an agency is shown by name when the directory knows it, else by id. */
    public record Row(Instant at, AccessLog.Kind kind, String agency, String worker, String what, String basis,
                      AccessLog.Outcome outcome, String toAgency, UUID referralId) {

        static Row of(AccessLog.Entry e, Map<UUID, AgencySummary> agencies) {
            return new Row(e.at(), e.kind(), agency(e.agencyId(), agencies), e.worker(), e.purpose(), e.basis(),
                    e.outcome(), agency(e.toAgencyId(), agencies), e.referralId());
        }

        private static String agency(UUID id, Map<UUID, AgencySummary> agencies) {
            if (id == null) {
                return null;
            }
            AgencySummary view = agencies.get(id);
            return view == null ? id.toString() : view.name() + " (" + id + ")";
        }
    }
}
