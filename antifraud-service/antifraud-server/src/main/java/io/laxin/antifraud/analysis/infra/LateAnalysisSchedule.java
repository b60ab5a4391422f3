package io.laxin.antifraud.analysis.infra;

import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.analysis.application.LateAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the late analysis every {@code laxin.antifraud.analysis.interval} on every replica; the lease picks one. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "laxin.antifraud.analysis.enabled", havingValue = "true", matchIfMissing = true)
class LateAnalysisSchedule {

    private static final Logger log = LoggerFactory.getLogger(LateAnalysisSchedule.class);
    private final LateAnalysis analysis;

    LateAnalysisSchedule(LateAnalysis analysis) {
        this.analysis = analysis;
    }

    @Scheduled(
            fixedDelayString = AntifraudProperties.ANALYSIS_INTERVAL_PLACEHOLDER,
            initialDelayString = AntifraudProperties.ANALYSIS_INTERVAL_PLACEHOLDER)
    void run() {
        try {
            analysis.runOnce();
        } catch (RuntimeException e) {
            log.warn("Late analysis run failed; the next run retries: {}", e.toString());
        }
    }
}
