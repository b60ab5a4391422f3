package io.laxin.kernel.web;

import io.laxin.kernel.api.ExternalIds;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user, order or refund id from the brand's systems ({@link ExternalIds#ID_PATTERN}); null is left to @NotNull. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ExternalIds.ID_PATTERN)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExternalId {

    String message() default "must be 1-64 characters of A-Z a-z 0-9 _ . : @ + -, starting with a letter, a digit or +";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
