package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.referral.directory.DirectoryProjection;
import fi.perhekeskus.referral.referral.ReferralReader;
import fi.perhekeskus.referral.referral.ReferralResponse;
import fi.perhekeskus.referral.referral.ReferralProjection;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Referrals in FHIR for their parties. Every resource is built from {@link ReferralReader#detail}:
 * the same 404 for an agency that is no party, the same opening of the family's free text, and the
 * same entry in the family's access log for each Task or ServiceRequest read, in a search too.
 */
@Component
class FhirReferrals {

    /** A page of a search, and whether another follows it. */
    record Page(List<Task> tasks, boolean more) {
    }

    private final ReferralReader reader;
    private final ReferralProjection view;
    private final DirectoryProjection directory;
    private final ViewCatchUp catchUp;

    FhirReferrals(ReferralReader reader, ReferralProjection view, DirectoryProjection directory, ViewCatchUp catchUp) {
        this.reader = reader;
        this.view = view;
        this.directory = directory;
        this.catchUp = catchUp;
    }

    Task task(UUID id, Caller caller) {
        return ReferralTask.of(reader.detail(id, caller));
    }

    ServiceRequest serviceRequest(UUID id, Caller caller) {
        ReferralResponse referral = reader.detail(id, caller);
        return ReferralServiceRequest.of(referral, directory.service(referral.serviceId()));
    }

    /**
     * The Tasks owned by {@code owner} that the caller is a party to: all of them for the owner
     * itself (its inbox), only those it sent for any other agency.
     */
    Page tasksOwnedBy(UUID owner, Caller caller, int count, int offset) {
        UUID agency = caller.agencyId();
        catchUp.await(ProcessingGroups.VIEWS);
        List<String> ids = view.toReceiver(owner, owner.equals(agency) ? null : agency, count + 1, offset).stream()
                .map(d -> d.getString("_id")).toList();
        List<Task> tasks = ids.stream().limit(count).map(id -> task(UUID.fromString(id), caller)).toList();
        return new Page(tasks, ids.size() > count);
    }

    static Bundle searchset(Page page, String base, String self, String next, Clock clock) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(clock.instant()));
        bundle.addLink().setRelation("self").setUrl(self);
        if (page.more()) {
            bundle.addLink().setRelation("next").setUrl(next);
        }
        for (Task task : page.tasks()) {
            bundle.addEntry().setFullUrl(base + "/Task/" + task.getIdElement().getIdPart()).setResource(task)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
