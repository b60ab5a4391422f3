package io.laxin.antifraud.screening.infra;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.Screenings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class MybatisScreenings implements Screenings {

    private static final TypeReference<List<Assessment.Finding>> FINDINGS = new TypeReference<>() {};

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
        Instant now = clock.instant();
        ScreeningDO row = new ScreeningDO();
        row.setId(UUID.randomUUID().toString());
        row.setCampaignId(facts.campaignId());
        row.setReferrerUserId(facts.referrerUserId());
        row.setInviteeUserId(facts.inviteeUserId());
        row.setVerdict(assessment.verdict().name());
        row.setScore(assessment.score());
        row.setReasons(json.writeValueAsString(assessment.findings()));
        row.setInputs(json.writeValueAsString(facts));
        row.setDecidedAt(utc(now));
        row.setInviteeDeviceId(truncate(facts.inviteeDeviceId()));
        row.setIp(truncate(facts.ip()));
        row.setSubnet24(facts.subnet24());
        row.setRegisteredAt(utc(facts.registeredAt() == null ? now : facts.registeredAt()));
        // what the velocity counters' rebuild reads when Redis lost them (ScreeningHistory)
        row.setInviteePhoneHash(truncate(facts.inviteePhoneHash()));
        row.setInviteeOpenid(truncate(facts.inviteeOpenid()));
        row.setInviteeUnionid(truncate(facts.inviteeUnionid()));
        if (facts.inviteeOpenidFirstSeenAt() != null) {
            row.setInviteeOpenidFirstSeenAt(utc(facts.inviteeOpenidFirstSeenAt()));
        }
        mapper.insert(row);
        return row.getId();
    }

    @Override
    public Optional<Stored> find(String id) {
        ScreeningDO row = mapper.selectById(id);
        if (row == null) {
            return Optional.empty();
        }
        RegistrationFacts facts = json.readValue(row.getInputs(), RegistrationFacts.class);
        Assessment assessment = new Assessment(
                Assessment.Verdict.valueOf(row.getVerdict()),
                row.getScore(),
                json.readValue(row.getReasons(), FINDINGS));
        return Optional.of(
                new Stored(row.getId(), facts, assessment, row.getDecidedAt().toInstant(ZoneOffset.UTC)));
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static String truncate(String s) {
        return s == null || s.length() <= 128 ? s : s.substring(0, 128);
    }
}
