package io.laxin.antifraud.screening.infra;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.Screenings;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Repository
class MybatisScreenings implements Screenings {

    private final ScreeningMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    MybatisScreenings(ScreeningMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String record(RegistrationFacts facts, Assessment assessment) {
        ScreeningDO row = new ScreeningDO();
        row.setId(UUID.randomUUID().toString());
        row.setCampaignId(facts.campaignId());
        row.setReferrerUserId(facts.referrerUserId());
        row.setInviteeUserId(facts.inviteeUserId());
        row.setVerdict(assessment.verdict().name());
        row.setScore(assessment.score());
        row.setReasons(json.writeValueAsString(assessment.findings()));
        row.setInputs(json.writeValueAsString(facts));
        row.setDecidedAt(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        mapper.insert(row);
        return row.getId();
    }
}
