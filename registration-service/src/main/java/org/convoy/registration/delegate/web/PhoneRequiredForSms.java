package org.convoy.registration.delegate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.convoy.registration.delegate.domain.Vocabulary.Channel;

/** A delegate who asks for SMS must give a mobile number; the error is reported on {@code phone}. */
@Documented
@Constraint(validatedBy = PhoneRequiredForSms.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PhoneRequiredForSms {

    String message() default "is required to receive SMS";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneRequiredForSms, RegistrationRequest> {

        @Override
        public boolean isValid(RegistrationRequest request, ConstraintValidatorContext context) {
            boolean wantsSms = request.channels() != null && request.channels().contains(Channel.SMS);
            if (!wantsSms || (request.phone() != null && !request.phone().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("phone").addConstraintViolation();
            return false;
        }
    }
}
