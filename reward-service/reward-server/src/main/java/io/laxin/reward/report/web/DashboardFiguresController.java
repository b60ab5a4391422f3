package io.laxin.reward.report.web;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.reward.api.RewardApi;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import io.laxin.reward.report.application.ReadingDashboardFigures;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** invite-service's dashboard asks here for the reward side of it (services only). */
@Hidden
@RestController
public class DashboardFiguresController {

    private final ReadingDashboardFigures reading;

    public DashboardFiguresController(ReadingDashboardFigures reading) {
        this.reading = reading;
    }

    @GetMapping(RewardApi.DASHBOARD_PATH)
    public RewardDashboardDTO dashboard(Caller caller, @RequestParam Instant from, @RequestParam Instant to) {
        caller.requireKind(CallerKind.SERVICE);
        return reading.read(from, to);
    }
}
