package fi.perhekeskus.referral.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import java.util.Locale;

/**
 * The platform's own code systems in FHIR, under stable canonical URLs (README, "FHIR"). Their
 * codes are the contract's enum values as they are (UPPER_CASE), so a FHIR client reads the same
 * codes as a JSON client; the task output types are FHIR's own kind of code and are lower-case.
 */
public final class PlatformCodes {

    public static final String BASE = "https://perhekeskus.fi/fhir/";
    /** ReferralStatus: the platform status, carried in Task.businessStatus. */
    public static final String REFERRAL_STATUS = BASE + "CodeSystem/referral-status";
    /** ReferralOutcome: what came of a completed referral (Task.output). */
    public static final String REFERRAL_OUTCOME = BASE + "CodeSystem/referral-outcome";
    /** ServiceKind of the service referred to (ServiceRequest.category). */
    public static final String SERVICE_KIND = BASE + "CodeSystem/service-kind";
    /** NeedLevel, the traffic-light model, as the sender judged it (ServiceRequest.category). */
    public static final String NEED_LEVEL = BASE + "CodeSystem/need-level";
    /** The kinds of Task.output: {@link TaskOutput}. */
    public static final String TASK_OUTPUT = BASE + "CodeSystem/task-output";
    /** The platform's family ids (an identifier system, not a code system): the subject of a referral. */
    public static final String FAMILY_ID = BASE + "sid/family-id";

    /** What a Task reports back to its requester. */
    public enum TaskOutput {
        OUTCOME("outcome", "Outcome"),
        COMPLETION_NOTE("completion-note", "Completion note"),
        REDIRECTED_TO("redirected-to", "Redirected to");

        private final String code;
        private final String display;

        TaskOutput(String code, String display) {
            this.code = code;
            this.display = display;
        }

        public String code() {
            return code;
        }

        public String display() {
            return display;
        }
    }

    private PlatformCodes() {
    }

    /** An enum value of the contract as a code of its system, e.g. GOAL_MET, "Goal met". */
    public static Coding coding(String system, Enum<?> value) {
        return new Coding(system, value.name(), display(value));
    }

    public static CodeableConcept concept(String system, Enum<?> value) {
        return new CodeableConcept(coding(system, value));
    }

    public static CodeableConcept concept(TaskOutput output) {
        return new CodeableConcept(new Coding(TASK_OUTPUT, output.code(), output.display()));
    }

    public static String display(Enum<?> value) {
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
