package io.laxin.poster.template.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.poster.PosterConfiguration;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.template.domain.CheckedImage;
import io.laxin.poster.template.domain.ImageLimits;
import io.laxin.poster.template.domain.Images;
import io.laxin.poster.template.domain.TemplateDraft;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: check a template (images, then the layout against the background) and store it as a new template or
 * as the next version of one. Every check runs before anything is written; a refusal stores nothing.
 */
@Service
public class SavingTemplate {

    /** A centre logo is small: at most 512 KiB and 1024 × 1024. */
    static final ImageLimits LOGO_LIMITS = new ImageLimits(512 * 1024, 1024, 1024, 1024 * 1024);

    private final Templates templates;
    private final ImageLimits backgroundLimits;
    private final Clock clock;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate tx;

    public SavingTemplate(
            Templates templates,
            @Qualifier(PosterConfiguration.BACKGROUND_LIMITS) ImageLimits backgroundLimits,
            Clock clock,
            IdempotentRequests idempotency,
            TransactionTemplate tx) {
        this.templates = templates;
        this.backgroundLimits = backgroundLimits;
        this.clock = clock;
        this.idempotency = idempotency;
        this.tx = tx;
    }

    /**
     * Checks and stores the template once per Idempotency-Key: a replay answers the first answer before any
     * image is read again; otherwise the key and the answer are recorded in the transaction that stores the version.
     */
    public <A> A handle(SaveTemplateCommand command, IdempotentRequests.Answer<TemplateVersion, A> answer) {
        return idempotency
                .earlier(answer)
                .orElseGet(() -> tx.execute(s -> idempotency.once(answer, () -> store(command))));
    }

    /** The checked draft, stored nowhere (what preview draws). */
    public TemplateDraft check(SaveTemplateCommand command) {
        if (command.layout() == null) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "layout is required");
        }
        byte[] backgroundBytes = command.background();
        if (backgroundBytes == null && command.templateId() != null) {
            backgroundBytes = templates
                    .find(command.templateId(), null)
                    .map(TemplateVersion::background)
                    .orElseThrow(() -> notFound(command.templateId()));
        }
        if (backgroundBytes == null) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "background is required");
        }
        CheckedImage background = Images.check(backgroundBytes, backgroundLimits, "background");
        CheckedImage logo = command.logo() == null ? null : Images.check(command.logo(), LOGO_LIMITS, "logo");
        return new TemplateDraft(command.layout(), background, logo);
    }

    /** Checks and stores, in the caller's transaction (the repository's writes are MANDATORY). */
    private TemplateVersion store(SaveTemplateCommand command) {
        TemplateDraft draft = check(command);
        if (command.templateId() == null) {
            if (command.name() == null
                    || command.name().isBlank()
                    || command.name().length() > 100) {
                throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "name must be 1..100 characters");
            }
            return templates.create(command.name().strip(), draft, command.by(), clock.instant());
        }
        return templates
                .addVersion(command.templateId(), draft, command.by(), clock.instant())
                .orElseThrow(() -> notFound(command.templateId()));
    }

    private static LaxinException notFound(long templateId) {
        return new LaxinException(PosterErrorCode.TEMPLATE_NOT_FOUND, "No template " + templateId);
    }
}
