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

/** A device id an app sends ({@link ExternalIds#DEVICE_PATTERN}); null is allowed. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ExternalIds.DEVICE_PATTERN)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeviceId {

    String message() default "must be 1-128 printable ASCII characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
