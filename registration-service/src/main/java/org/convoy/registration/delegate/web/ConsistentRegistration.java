package org.convoy.registration.delegate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.convoy.registration.delegate.domain.Vocabulary;
import org.convoy.registration.delegate.domain.Vocabulary.Channel;
import org.convoy.support.sms.TextDestinations;

/**
 * Rules across fields: a phone number that normalises to E.164; a mobile number the platform may text for whoever
 * asks for SMS or WhatsApp (see {@link TextDestinations}); one
 * email address per person in the submission. Each problem is reported on the field it concerns.
 */
@Documented
@Constraint(validatedBy = ConsistentRegistration.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ConsistentRegistration {

    String message() default "inconsistent registration";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentRegistration, RegistrationRequest> {

        private final TextDestinations destinations;

        Validator(TextDestinations destinations) {
            this.destinations = destinations;
        }

        @Override
        public boolean isValid(RegistrationRequest request, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = phoneValid(request.phone(), request.channels(), "phone", context);
            Set<String> emails = new HashSet<>();
            if (request.email() != null) {
                emails.add(request.email().strip().toLowerCase(Locale.ROOT));
            }
            List<CompanionRequest> companions = request.companionsOrNone();
            for (int i = 0; i < companions.size(); i++) {
                CompanionRequest companion = companions.get(i);
                if (companion == null) {
                    continue;
                }
                String path = "companions[" + i + "].";
                valid &= phoneValid(companion.phone(), companion.channels(), path + "phone", context);
                if (companion.email() != null && !emails.add(companion.email().strip().toLowerCase(Locale.ROOT))) {
                    violation(context, path + "email", "is the same as another person's in this registration");
                    valid = false;
                }
            }
            return valid;
        }

        private boolean phoneValid(String phone, Set<Channel> channels, String field,
                ConstraintValidatorContext context) {
            boolean hasPhone = phone != null && !phone.isBlank();
            if (hasPhone && PhoneNumbers.normalize(phone).isEmpty()) {
                violation(context, field, PhoneNumbers.MESSAGE);
                return false;
            }
            boolean texts = Channel.anyTexts(channels);
            if (hasPhone && texts && !destinations.allows(PhoneNumbers.normalize(phone).orElseThrow())) {
                violation(context, field, destinations.refusal());
                return false;
            }
            if (!hasPhone && texts) {
                violation(context, field, Vocabulary.PHONE_REQUIRED_FOR_TEXTS);
                return false;
            }
            return true;
        }

        private static void violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        }
    }
}
