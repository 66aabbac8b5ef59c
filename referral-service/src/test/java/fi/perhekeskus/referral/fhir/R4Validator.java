package fi.perhekeskus.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAPI's instance validator against the R4 base definitions, HL7's and the common code systems, and
 * the platform's own code systems (so a code that is not the contract's fails too). A resource with
 * any ERROR or FATAL message fails the test; every resource validated is counted, a Bundle's
 * entries included.
 */
final class R4Validator {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();
    private static final AtomicInteger VALIDATED = new AtomicInteger();

    private R4Validator() {
    }

    /** Parses and validates; returns the resource. */
    static <T extends IBaseResource> T valid(String json, Class<T> type) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors).as("validation errors of %s", json).isEmpty();
        T resource = FHIR.newJsonParser().parseResource(type, json);
        VALIDATED.addAndGet(resource instanceof Bundle bundle ? 1 + bundle.getEntry().size() : 1);
        return resource;
    }

    static int validated() {
        return VALIDATED.get();
    }

    private static FhirValidator validator() {
        PrePopulatedValidationSupport platform = new PrePopulatedValidationSupport(FHIR);
        platform.addCodeSystem(codeSystem(PlatformCodes.REFERRAL_STATUS, "Referral status", ReferralStatus.values()));
        platform.addCodeSystem(codeSystem(PlatformCodes.REFERRAL_OUTCOME, "Referral outcome", ReferralOutcome.values()));
        platform.addCodeSystem(codeSystem(PlatformCodes.SERVICE_KIND, "Service kind", ServiceKind.values()));
        platform.addCodeSystem(codeSystem(PlatformCodes.NEED_LEVEL, "Need level", NeedLevel.values()));
        CodeSystem outputs = codeSystem(PlatformCodes.TASK_OUTPUT, "Task output");
        for (PlatformCodes.TaskOutput output : PlatformCodes.TaskOutput.values()) {
            outputs.addConcept().setCode(output.code()).setDisplay(output.display());
        }
        platform.addCodeSystem(outputs);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                platform);
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    private static CodeSystem codeSystem(String url, String title, Enum<?>... codes) {
        CodeSystem system = new CodeSystem();
        system.setUrl(url).setName(title.replace(" ", "")).setTitle(title).setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setContent(CodeSystem.CodeSystemContentMode.COMPLETE).setCaseSensitive(true);
        for (Enum<?> code : codes) {
            system.addConcept().setCode(code.name()).setDisplay(PlatformCodes.display(code));
        }
        return system;
    }
}
