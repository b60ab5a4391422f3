package io.laxin.poster.pregen.infra;

import io.laxin.poster.PosterProperties;
import io.laxin.poster.pregen.application.Pregenerating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code laxin.poster.pregen.resume-interval} (5m), picks up the jobs whose instance stopped mid-job: their run
 * is FAILED once its lease has passed, which may be after this instance started.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "laxin.poster.pregen.resume-enabled", havingValue = "true", matchIfMissing = true)
class PregenResumeSchedule {

    private static final Logger log = LoggerFactory.getLogger(PregenResumeSchedule.class);
    private final Pregenerating pregenerating;

    PregenResumeSchedule(Pregenerating pregenerating) {
        this.pregenerating = pregenerating;
    }

    @Scheduled(
            fixedDelayString = PosterProperties.PREGEN_RESUME_INTERVAL_PLACEHOLDER,
            initialDelayString = PosterProperties.PREGEN_RESUME_INTERVAL_PLACEHOLDER)
    void resume() {
        try {
            pregenerating.resumeUnfinished();
        } catch (RuntimeException e) {
            log.warn("Resuming pre-generation jobs failed; the next round retries: {}", e.toString());
        }
    }
}
