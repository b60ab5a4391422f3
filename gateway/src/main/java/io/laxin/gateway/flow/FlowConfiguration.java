package io.laxin.gateway.flow;

import io.laxin.kernel.config.SentinelLogs;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laxin.gateway.flow.enabled", havingValue = "true", matchIfMissing = true)
class FlowConfiguration {

    @Bean
    FlowRules flowRules(FlowProperties properties) {
        SentinelLogs.directTo(Path.of(properties.logDir()));
        FlowRules rules = new FlowRules(properties.settings());
        rules.reset();
        return rules;
    }

    @Bean
    FlowControlFilter flowControlFilter(FlowRules rules) {
        return new FlowControlFilter();
    }
}
