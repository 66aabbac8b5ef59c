package fi.perhekeskus.meeting.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * A date or time between the years 1900 and 2200 (docs/contract.md): JSON accepts years such as +999999999,
 * which no consumer of the events could carry. Null passes; pair with {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinCalendar.Check.class)
public @interface WithinCalendar {

    int FIRST_YEAR = 1900;
    int LAST_YEAR = 2200;

    String message() default "must be between the years 1900 and 2200";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WithinCalendar, TemporalAccessor> {

        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!(value instanceof LocalDate) && !(value instanceof OffsetDateTime)) {
                return false;
            }
            int year = value.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
