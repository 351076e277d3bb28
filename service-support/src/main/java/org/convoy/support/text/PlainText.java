package org.convoy.support.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text people type and other people read (names, organizations, titles, reasons): no control characters (NUL, CR,
 * LF, …), no characters that reorder or hide text (bidirectional overrides and isolates, zero-width spaces), and at
 * least one visible character. {@code null} is valid; combine with {@code @NotBlank} where the text is required.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text: no control, invisible or direction-changing characters";

    /** Whether line breaks and tabs are allowed (a comment or a reason of several lines). */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
