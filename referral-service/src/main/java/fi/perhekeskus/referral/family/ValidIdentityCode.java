package fi.perhekeskus.referral.family;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A member's personal identity code, when given, is well formed and matches the birth date. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdentityCode.Validator.class)
public @interface ValidIdentityCode {

    String message() default "is not a valid personal identity code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIdentityCode, FamilyRequest.MemberRequest> {

        @Override
        public boolean isValid(FamilyRequest.MemberRequest member, ConstraintValidatorContext context) {
            if (member == null || member.personalIdentityCode() == null) {
                return true;
            }
            String problem = PersonalIdentityCode.problem(member.personalIdentityCode(), member.birthDate());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem)
                    .addPropertyNode("personalIdentityCode").addConstraintViolation();
            return false;
        }
    }
}
