package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.ScreeningPolicy;
import io.laxin.antifraud.screening.domain.Screenings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: assess a registration with the current policy and store the decision with its inputs. */
@Service
public class ScreeningRegistration {

    private final Screenings screenings;
    private final ScreeningPolicy policy = ScreeningPolicy.defaults();

    public ScreeningRegistration(Screenings screenings) {
        this.screenings = screenings;
    }

    public record Decision(String screeningId, Assessment assessment) {
    }

    @Transactional
    public Decision handle(ScreenRegistrationCommand command) {
        Assessment assessment = policy.assess(command.facts());
        return new Decision(screenings.record(command.facts(), assessment), assessment);
    }
}
